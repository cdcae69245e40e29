/**
 * The `r*` options against their per-mount twins, in both orders: the executor applies the
 * per-mount flags first and the `r*` change second (so `rro` wins over `rw` on the top mount),
 * and the read-back expectation must describe exactly the mount that sequence makes. The kernel
 * is simulated from the recorded mount_setattr/fsmount calls (`(old & ~clr) | set`).
 */
import { describe, expect, test } from "bun:test";
import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_IDMAP,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  type MountInfoEntry,
  parseMountOptions,
} from "@ocimount/mount-flags";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import { sourcesInPlace } from "../../execute/BindSources.ts";
import { createFakeSyscalls } from "../../sys/fake.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { applyBind } from "../bind/applyBind.ts";
import { applyNewFs } from "../newfs/applyNewFs.ts";
import { checkExpectation } from "../readback/checkExpectation.ts";
import type { Expectation } from "../readback/Expectation.ts";

const TWINS: ReadonlyArray<readonly [perMount: string, recursive: string]> = [
  ["ro", "rro"],
  ["rw", "rrw"],
  ["nosuid", "rnosuid"],
  ["suid", "rsuid"],
  ["nodev", "rnodev"],
  ["dev", "rdev"],
  ["noexec", "rnoexec"],
  ["exec", "rexec"],
  ["noatime", "rnoatime"],
  ["atime", "ratime"],
  ["relatime", "rrelatime"],
  ["norelatime", "rnorelatime"],
  ["strictatime", "rstrictatime"],
  ["nostrictatime", "rnostrictatime"],
  ["nodiratime", "rnodiratime"],
  ["diratime", "rdiratime"],
  ["nosymfollow", "rnosymfollow"],
  ["symfollow", "rsymfollow"],
];
const PER_MOUNT = TWINS.map(([p]) => p);
const RECURSIVE = TWINS.map(([, r]) => r);

/** Per-mount attrs of the two sources the bind tests start from. */
const SOURCES = { "rw,relatime": 0, "nosuid,nodev,noatime": 0x2 | 0x4 | MOUNT_ATTR_NOATIME };

/** The mountinfo words the kernel shows for per-mount attrs (fs/proc_namespace.c show_mnt_opts). */
function words(attr: number): string[] {
  const out = [attr & MOUNT_ATTR_RDONLY ? "ro" : "rw"];
  if (attr & MOUNT_ATTR_NOSUID) out.push("nosuid");
  if (attr & MOUNT_ATTR_NODEV) out.push("nodev");
  if (attr & MOUNT_ATTR_NOEXEC) out.push("noexec");
  const atime = attr & MOUNT_ATTR__ATIME;
  if (atime === MOUNT_ATTR_NOATIME) out.push("noatime");
  if (attr & MOUNT_ATTR_NODIRATIME) out.push("nodiratime");
  if (atime === 0) out.push("relatime");
  if (attr & MOUNT_ATTR_NOSYMFOLLOW) out.push("nosymfollow");
  return out;
}

function live(attr: number): MountInfoEntry {
  return {
    mountId: 1,
    parentId: 1,
    major: 0,
    minor: 1,
    root: "/",
    mountPoint: "/r/x",
    mountOptions: words(attr),
    optionalFields: [],
    propagation: "private",
    fsType: "tmpfs",
    source: "src",
    superOptions: ["rw"],
  };
}

/**
 * Runs one bind (or tmpfs) step on a fake, replays its attribute calls on `sourceAttr` like the
 * kernel does, and returns the final attrs, the expectation recorded, and which calls were made.
 */
function run(kind: "bind" | "tmpfs", options: string[], sourceAttr = 0) {
  const sys = createFakeSyscalls();
  const ctx: ApplyContext = {
    sys,
    rootFd: sys.openat(AT_FDCWD, "/rootfs", 0),
    rootfs: "/rootfs",
    sources: sourcesInPlace(sys, true),
    recorder: { mounted() {}, created() {} },
    applied: [],
    expectations: [],
    warnings: [],
    forceMountFallback: false,
    forceResolverWalk: false,
    inUserNamespace: false,
    devNullFd: -1,
  };
  const parsed = parseMountOptions(options);
  const target = { path: "/x", hostPath: "/rootfs/x" };
  if (kind === "bind")
    applyBind(ctx, {
      kind: "bind",
      why: "mounts[0]",
      source: "/src",
      recursive: true,
      target,
      options: parsed,
    });
  else
    applyNewFs(ctx, {
      kind: "new-fs",
      why: "mounts[0]",
      fsType: "tmpfs",
      source: "tmpfs",
      target,
      options: parsed,
    });
  let attr = sourceAttr;
  const order: string[] = [];
  for (const c of sys.calls) {
    if (c.op === "fsmount") attr = c.args[2];
    if (c.op !== "mountSetattr") continue;
    const [, , flags, change] = c.args;
    if (change.propagation || change.attrSet & MOUNT_ATTR_IDMAP) continue;
    order.push(flags & 0x8000 ? "recursive" : "per-mount");
    attr = (attr & ~change.attrClr) | change.attrSet;
  }
  const e: Expectation = ctx.expectations[0] ?? { why: "", mountId: 1, on: [], off: [] };
  return { attr, e: { ...e, mountId: 1 }, order };
}

describe("r* options with per-mount flags: named cases", () => {
  const cases: ReadonlyArray<{
    name: string;
    kind: "bind" | "tmpfs";
    options: string[];
    on: string[];
    off?: string[];
  }> = [
    {
      name: "rro then nosuid (the reported bug)",
      kind: "bind",
      options: ["rbind", "rro", "nosuid"],
      on: ["ro", "nosuid"],
    },
    {
      name: "nosuid then rro",
      kind: "bind",
      options: ["rbind", "nosuid", "rro"],
      on: ["ro", "nosuid"],
    },
    {
      name: "rro beats a later rw",
      kind: "bind",
      options: ["rbind", "rro", "rw", "nodev"],
      on: ["ro", "nodev"],
    },
    {
      name: "rrw beats a per-mount ro",
      kind: "bind",
      options: ["rbind", "ro", "rrw", "nodev"],
      on: ["rw", "nodev"],
    },
    {
      name: "rsuid clears a per-mount nosuid",
      kind: "bind",
      options: ["rbind", "nosuid", "rsuid", "ro"],
      on: ["ro"],
      off: ["nosuid"],
    },
    {
      name: "rnoexec with per-mount exec",
      kind: "bind",
      options: ["rbind", "rnoexec", "exec", "ro"],
      on: ["ro", "noexec"],
    },
    {
      name: "rrelatime beats per-mount noatime",
      kind: "bind",
      options: ["rbind", "noatime", "rrelatime"],
      on: ["relatime"],
      off: [],
    },
    {
      name: "rnoatime beats per-mount relatime",
      kind: "bind",
      options: ["rbind", "rnoatime", "relatime"],
      on: ["noatime"],
    },
    {
      name: "rstrictatime beats per-mount noatime",
      kind: "bind",
      options: ["rbind", "noatime", "ro", "rstrictatime"],
      on: ["ro"],
      off: ["noatime", "relatime"],
    },
    {
      name: "rdiratime clears per-mount nodiratime",
      kind: "bind",
      options: ["rbind", "nodiratime", "rdiratime"],
      on: ["relatime"],
      off: ["nodiratime"],
    },
    {
      name: "rro alone on a bind (no per-mount remount)",
      kind: "bind",
      options: ["bind", "rro"],
      on: ["ro"],
    },
    { name: "tmpfs rro", kind: "tmpfs", options: ["rro"], on: ["ro"] },
    { name: "tmpfs nosuid,rro", kind: "tmpfs", options: ["nosuid", "rro"], on: ["ro", "nosuid"] },
    {
      name: "tmpfs noatime,rrelatime",
      kind: "tmpfs",
      options: ["noatime", "rrelatime"],
      on: ["rw", "relatime"],
    },
  ];
  for (const c of cases)
    test(c.name, () => {
      const { attr, e } = run(c.kind, c.options);
      for (const w of c.on) expect(e.on).toContain(w);
      for (const w of c.off ?? []) expect(e.off).toContain(w);
      expect(checkExpectation(e, live(attr))).toBe("");
    });
});

describe("every r* option with every per-mount flag, both orders: the expectation matches the mount", () => {
  for (const kind of ["bind", "tmpfs"] as const)
    for (const [source, sourceAttr] of Object.entries(SOURCES)) {
      if (kind === "tmpfs" && sourceAttr) continue;
      test(`${kind} over ${source}`, () => {
        const wrong: string[] = [];
        for (const p of PER_MOUNT)
          for (const r of RECURSIVE)
            for (const options of [
              [p, r],
              [r, p],
              [p, r, "nosuid"],
              [r, "ro", p],
            ]) {
              const { attr, e, order } = run(kind, ["rbind", ...options], sourceAttr);
              const problem = checkExpectation(e, live(attr));
              if (problem) wrong.push(`${options.join(",")}: ${problem}`);
              if (order.join() !== [...order].sort().join())
                wrong.push(`${options.join(",")}: r* applied before the per-mount flags`);
            }
        expect(wrong).toEqual([]);
      });
    }
});
