import { posix } from "node:path";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { AT_FDCWD, RESOLVE_IN_ROOT } from "@ocimount/mount-flags/linux";
import { createFakeSyscalls, type FakeSyscalls, type FakeSyscallsOptions } from "./fake.ts";
import { SyscallError } from "./SyscallError.ts";
import type { FileStat, MountStat, OpenHow } from "./Syscalls.ts";

const { EBUSY, ENOENT } = ERRNO;

/** One mount of a made-up table: its 32-bit ID, its 64-bit one, its parent's 32-bit ID, its place. */
export interface FakeMount {
  readonly id: number;
  readonly unique: number;
  /** The parent's 32-bit ID; its own for the namespace's root mount. */
  readonly parent: number;
  readonly at: string;
  /** The minor device number of its filesystem (major 0), as statx and mountinfo show it. */
  readonly dev: number;
}

/**
 * Which kernel the table plays: `unique` is Linux 6.8+ (statx `STATX_MNT_ID_UNIQUE`, statmount,
 * listmount, and mountinfo), `place` an older one (mountinfo only: `uniqueMountId` is 0 and
 * statmount/listmount fail with ENOSYS), so code under test takes its 32-bit fallback.
 */
export type FakeKernel = "unique" | "place";

/** A made-up mount namespace, and the `Syscalls` that serves it. */
export interface FakeMountTable {
  /** The recording fake, answering from the table. */
  readonly sys: FakeSyscalls;
  /** The live mounts, parents before children (stacked ones in the order they were attached). */
  readonly live: readonly FakeMount[];
  /** The mounts umount2 took (each the top of what one call detached), in order. */
  readonly unmounted: readonly FakeMount[];
  /** The nsfs inode of this namespace (what `/proc/thread-self/ns/mnt` stats as). */
  readonly mntns: number;
  /**
   * Attaches a mount at `at` onto the mount `at` is on now (on top when one is there already),
   * with the lowest free 32-bit ID, as the kernel hands them out (so freed IDs come back), and the
   * next 64-bit one (never reused). With `beneath`, it goes under the top mount at `at` instead,
   * which then sits on it (`move_mount(MOVE_MOUNT_BENEATH)`, Linux 6.5). With `parent`, it goes
   * on that mount whatever is at `at` (as a copy propagated from a peer can land beside one).
   * With `dev`, it is of that filesystem (a bind of it again); by default of a new one. Returns it.
   */
  attach(at: string, options?: { beneath?: boolean; parent?: FakeMount; dev?: number }): FakeMount;
  /** Detaches the top mount at `at` and everything below it (`umount -l` by hand). */
  detach(at: string): void;
}

/** How `fakeMountTable` starts. */
export interface FakeMountTableOptions {
  kernel: FakeKernel;
  /** Mount points attached first, in order, after the root mount `/` (e.g. the host's `/proc`). */
  host?: readonly string[];
  /** The namespace's nsfs inode (default 4026531841). */
  mntns?: number;
  /** More behaviour for the fake (`failOn`, ...); the table's answers take precedence. */
  fake?: FakeSyscallsOptions;
}

/** mountinfo's octal escapes for the characters it cannot write as is. */
function escapeMountPoint(path: string): string {
  return path.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, "0")}`);
}

function isAtOrBelow(path: string, mountPoint: string): boolean {
  return (
    mountPoint === "/" ||
    path === mountPoint ||
    path.startsWith(mountPoint.endsWith("/") ? mountPoint : `${mountPoint}/`)
  );
}

/**
 * A fake kernel holding a made-up mount table, for unit tests of the ownership rules, rollback
 * and teardown: `statx`/`uniqueMountId` of a path or an fd report the mount it is on (the top one
 * at its place), `listmount`/`statmount` answer from the table (ENOENT for a mount not live, as
 * the kernel says), `mountInfo()` writes it as mountinfo text (parsed by the production parser),
 * `fdPath(fd)` gives the path the fd was opened at, `umount2` of an
 * fd's magic link detaches the mount the fd was opened on, with everything below it, and rmdir
 * of a live mount point fails with EBUSY. The namespace is `/proc/thread-self/ns/mnt`'s inode.
 * It proves which mounts code touches; it knows no files (every path is a directory), no
 * permissions, and no refusal of the kernel's beyond that EBUSY.
 */
export function fakeMountTable(options: FakeMountTableOptions): FakeMountTable {
  const unique = options.kernel === "unique";
  const mntns = options.mntns ?? 4026531841;
  // Mutable inside (a mount tucked beneath another changes that one's parent), read-only outside.
  const live: { id: number; unique: number; parent: number; at: string; dev: number }[] = [
    { id: 1, unique: 0x1_0000_0001, parent: 1, at: "/", dev: 1 },
  ];
  let nextDev = 2;
  const unmounted: FakeMount[] = [];
  let nextUnique = 0x1_0000_0002;
  /** For each fd opened on a path: that path and the mount it was on then. */
  const fds = new Map<number, { path: string; mount: FakeMount | undefined }>();

  const byId = (id: number) => live.find((m) => m.id === id);
  const byUnique = (u: number) => live.find((m) => m.unique === u);
  const parentOf = (m: FakeMount) => (m.parent === m.id ? undefined : byId(m.parent));
  /** The mount `path` is on: the deepest mount point above it, the last attached there. */
  const mountOn = (path: string): FakeMount | undefined => {
    let best: FakeMount | undefined;
    for (const m of live)
      if (isAtOrBelow(path, m.at) && (!best || m.at.length >= best.at.length)) best = m;
    return best;
  };
  /** Every mount below `m` (not `m`), parents before children. */
  const below = (m: FakeMount): FakeMount[] => {
    const out: FakeMount[] = [];
    for (let i = -1; i < out.length; i++) {
      const top = i < 0 ? m : (out[i] as FakeMount);
      for (const c of live) if (c !== top && c.parent === top.id) out.push(c);
    }
    return out;
  };
  const remove = (m: FakeMount) => {
    const gone = new Set([m, ...below(m)]);
    for (let i = live.length - 1; i >= 0; i--)
      if (gone.has(live[i] as FakeMount)) live.splice(i, 1);
  };
  const known = (u: number, op: string): FakeMount => {
    const m = byUnique(u);
    if (!m) throw new SyscallError(op, ENOENT, { path: `mount ${u}` });
    return m;
  };
  const statOf = (m: FakeMount): MountStat => ({
    uniqueId: m.unique,
    parentUniqueId: parentOf(m)?.unique ?? m.unique,
    mountId: m.id,
    parentId: m.parent,
    mountPoint: m.at,
  });
  /** Where `path` from `dirfd` is (`inRoot`: an absolute path starts at the dirfd, RESOLVE_IN_ROOT). */
  const where = (dirfd: number, path: string, inRoot = false) => {
    if (path === "" && dirfd !== AT_FDCWD) return fds.get(dirfd);
    const p = posix.join(path.startsWith("/") && !inRoot ? "" : (fds.get(dirfd)?.path ?? ""), path);
    return { path: p, mount: mountOn(p) };
  };

  const fake = createFakeSyscalls({
    ...options.fake,
    stat: (dirfd, path): Partial<FileStat> => {
      if (path === "/proc/thread-self/ns/mnt") return { ino: BigInt(mntns) };
      const w = where(dirfd, path);
      if (!w?.mount) return options.fake?.stat?.(dirfd, path) ?? {};
      return {
        ...options.fake?.stat?.(dirfd, path),
        mountId: w.mount.id,
        isMountRoot: w.path === w.mount.at,
        devMajor: 0,
        devMinor: w.mount.dev,
      };
    },
    uniqueMountId: (dirfd, path) => (unique ? (where(dirfd, path)?.mount?.unique ?? 0) : 0),
    ...(unique
      ? {
          mounts: {
            listmount: (u) =>
              below(known(u, "listmount"))
                .map((m) => m.unique)
                .sort((a, b) => a - b),
            statmount: (u) => statOf(known(u, "statmount")),
          },
        }
      : {}),
    mountInfo: () =>
      live
        .map(
          (m) => `${m.id} ${m.parent} 0:${m.dev} / ${escapeMountPoint(m.at)} rw - tmpfs fake rw\n`,
        )
        .join(""),
  });
  const { openat, openat2, unlinkat, umount2, fdPath } = fake;
  const opened = (fd: number, dirfd: number, path: string, inRoot = false) => {
    fds.set(fd, where(dirfd, path, inRoot) ?? { path, mount: undefined });
    return fd;
  };
  const sys: FakeSyscalls = Object.assign(fake, {
    openat: (dirfd: number, path: string, flags: number, mode?: number) =>
      opened(openat(dirfd, path, flags, mode), dirfd, path),
    openat2: (dirfd: number, path: string, how: OpenHow) =>
      opened(openat2(dirfd, path, how), dirfd, path, (how.resolve & RESOLVE_IN_ROOT) !== 0),
    fdPath: (fd: number) => {
      fdPath(fd);
      return fds.get(fd)?.path ?? `/fake/fd/${fd}`;
    },
    unlinkat(dirfd: number, path: string, flags: number): void {
      unlinkat(dirfd, path, flags);
      // rmdir of a mount point: the kernel refuses it while the mount is there.
      const p = where(dirfd, path)?.path;
      if (live.some((m) => m.at === p)) throw new SyscallError("unlinkat", EBUSY, { path });
    },
    umount2(target: string, flags: number): void {
      umount2(target, flags);
      const fd = /^\/proc\/thread-self\/fd\/(\d+)$/.exec(target)?.[1];
      const m = fd === undefined ? mountOn(target) : fds.get(Number(fd))?.mount;
      if (!m || !live.includes(m)) return;
      unmounted.push(m);
      remove(m);
    },
  });

  const table: FakeMountTable = {
    sys,
    live,
    unmounted,
    mntns,
    attach(at, { beneath = false, parent, dev = nextDev++ } = {}) {
      let id = 1;
      while (byId(id)) id++;
      const top = beneath ? live.filter((x) => x.at === at).at(-1) : undefined;
      if (top) {
        const m = { id, unique: nextUnique++, parent: top.parent, at, dev };
        top.parent = id;
        live.splice(live.indexOf(top), 0, m);
        return m;
      }
      const m = { id, unique: nextUnique++, parent: (parent ?? mountOn(at))?.id ?? id, at, dev };
      live.push(m);
      return m;
    },
    detach(at) {
      const m = live.filter((x) => x.at === at).at(-1);
      if (m) remove(m);
    },
  };
  for (const at of options.host ?? []) table.attach(at);
  return table;
}
