import { describe, expect, test } from "bun:test";
import { createFakeSyscalls } from "../sys/fake.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { MountIdentity } from "./MountIdentity.ts";
import type { UndoSet } from "./UndoSet.ts";
import { unmountOwned } from "./unmountOwned.ts";

const R = "/b/rootfs";
const m = (id: number, unique: number, parentUnique: number, at: string): MountIdentity => ({
  id,
  unique,
  parent: 0,
  parentUnique,
  at,
});
const base = m(1, 100, 0, "/");
const self = m(20, 1020, 100, R);
const a = m(21, 1021, 1020, `${R}/a`);
const b = m(22, 1022, 1020, `${R}/b`);

/**
 * A fake kernel holding the mount table `live` (64-bit IDs): listmount and statmount answer from
 * it, an fd opened on a mount point stats as the top mount there, umount2 records the mount the
 * fd held and removes it (with everything below: MNT_DETACH).
 */
function kernel(live: MountIdentity[]) {
  const table = [...live];
  const at = new Map<number, string>();
  const unmounted: number[] = [];
  const top = (path: string) => table.filter((x) => x.at === path).at(-1);
  const below = (u: number): number[] => {
    const out: number[] = [];
    for (const x of table) if (x.parentUnique === u) out.push(x.unique, ...below(x.unique));
    return out;
  };
  const fake = createFakeSyscalls({
    stat: (dirfd) => {
      const t = top(at.get(dirfd) ?? "");
      return { mountId: t?.id ?? 0, isMountRoot: t !== undefined };
    },
    uniqueMountId: (dirfd) => top(at.get(dirfd) ?? "")?.unique ?? 0,
    mounts: {
      listmount: (u) => (table.some((x) => x.unique === u) ? below(u) : undefined),
      statmount: (u) => {
        const x = table.find((y) => y.unique === u);
        return (
          x && {
            uniqueId: x.unique,
            parentUniqueId: x.parentUnique,
            mountId: x.id,
            parentId: 0,
            mountPoint: x.at,
          }
        );
      },
    },
  });
  const sys: Syscalls = {
    ...fake,
    openat: (dirfd, path, flags, mode) => {
      const fd = fake.openat(dirfd, path, flags, mode);
      at.set(fd, path);
      return fd;
    },
    umount2: (target, flags) => {
      fake.umount2(target, flags);
      const fd = Number(target.split("/").at(-1));
      const t = top(at.get(fd) ?? "");
      if (!t) return;
      const gone = new Set([t.unique, ...below(t.unique)]);
      unmounted.push(t.id);
      for (let i = table.length - 1; i >= 0; i--)
        if (gone.has(table[i]!.unique)) table.splice(i, 1);
    },
  };
  // listmount/statmount of an unknown ID: ENOENT, as the kernel says for a mount not live here.
  const enoent = Object.assign(new Error("ENOENT"), { code: "ENOENT" });
  const listmount = sys.listmount;
  const statmount = sys.statmount;
  sys.listmount = (u, after) => {
    if (!table.some((x) => x.unique === u)) throw enoent;
    return listmount(u, after);
  };
  sys.statmount = (u) => {
    if (!table.some((x) => x.unique === u)) throw enoent;
    return statmount(u);
  };
  return { sys, unmounted, table, fake };
}

function undoSet(over: Partial<UndoSet> = {}): UndoSet {
  return {
    bundleDir: "/b",
    rootfs: R,
    proof: "unique",
    mntns: 0,
    base,
    self,
    mounts: [self, a, b].map((mount) => ({ why: "m", mount })),
    pending: [],
    created: [],
    ...over,
  };
}

describe("unmountOwned against a made-up mount table", () => {
  test("every mount ours: one detach of the self-bind", () => {
    const k = kernel([base, self, a, b]);
    const out = unmountOwned(k.sys, undoSet());
    expect(out).toMatchObject({ fastPath: true, unmounted: 3, stale: false, errors: [] });
    expect(k.unmounted).toEqual([20]);
  });
  test("a foreign mount under ours: ours go one by one, the foreign one and those above it stay", () => {
    const user = m(30, 1030, 1021, `${R}/a/user`);
    const k = kernel([base, self, a, b, user]);
    const out = unmountOwned(k.sys, undoSet());
    expect(out.fastPath).toBe(false);
    expect(k.unmounted).toEqual([22]);
    expect(k.table.map((x) => x.id)).toEqual([1, 20, 21, 30]);
    expect(out.foreign.map((f) => f.id)).toEqual([30]);
    expect(out.errors.map((e) => (e as { code?: string }).code)).toEqual(["EFOREIGN"]);
    expect(String(out.errors[0]?.message)).toContain(
      `mount 30 at ${R}/a/user was not made by setup`,
    );
  });
  test("the 32-bit IDs reused by other mounts at the same places: stale, nothing unmounted", () => {
    const k = kernel([base, m(20, 5020, 100, R), m(21, 5021, 5020, `${R}/a`)]);
    const out = unmountOwned(k.sys, undoSet());
    expect(out).toMatchObject({ stale: true, unmounted: 0 });
    expect(k.unmounted).toEqual([]);
    expect(k.fake.calls.some((c) => c.op === "umount2")).toBe(false);
  });
  test("a mount covering ours at its place is never unmounted in its stead", () => {
    const cover = m(31, 1031, 1020, `${R}/b`);
    const k = kernel([base, self, a, b, cover]);
    const out = unmountOwned(k.sys, undoSet());
    // b is covered (the path reaches the cover), the self-bind has a foreign child: both stay.
    expect(k.unmounted).toEqual([21]);
    expect(k.table.map((x) => x.id)).toContain(31);
    expect(out.errors.length).toBeGreaterThan(0);
  });
});
