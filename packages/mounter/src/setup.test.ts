import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AT_EMPTY_PATH,
  AT_RECURSIVE,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_RDONLY,
  MOVE_MOUNT_F_EMPTY_PATH,
  MOVE_MOUNT_T_EMPTY_PATH,
  MS_BIND,
  MS_NOSUID,
  MS_RDONLY,
  MS_REC,
  MS_REMOUNT,
  MS_SHARED,
} from "@ocimount/mount-flags";
import { S_IFDIR } from "@ocimount/mount-flags/linux";
import { MountError } from "./errors.ts";
import { journalPath } from "./journal/journalPath.ts";
import { setup } from "./setup.ts";
import { SyscallError } from "./sys/SyscallError.ts";
import type { FileStat, Syscalls } from "./sys/Syscalls.ts";

/** A recording fake: every call is logged as [name, ...args]; fds count up; everything is a directory. */
function recordingSys(failOn?: (name: string, args: unknown[]) => number | undefined) {
  const calls: Array<[string, ...unknown[]]> = [];
  const open = new Set<number>();
  let next = 10;
  const stat = (fd: number): FileStat => ({
    mode: S_IFDIR | 0o755,
    devMajor: 0,
    devMinor: 0,
    rdevMajor: 0,
    rdevMinor: 0,
    ino: 1n,
    uid: 0,
    gid: 0,
    mountId: 900_000 + fd,
    isMountRoot: true,
  });
  const handler: ProxyHandler<Syscalls> = {
    get:
      (_t, name: string) =>
      (...args: unknown[]) => {
        calls.push([name, ...args]);
        const errno = failOn?.(name, args);
        if (errno) throw new SyscallError(name, errno);
        if (["openat", "openat2", "openTree", "fsopen", "fsmount"].includes(name)) {
          open.add(next);
          return next++;
        }
        if (name === "close") open.delete(args[0] as number);
        if (name === "statx") return stat(args[0] as number);
        if (name === "fstatfs") return { flags: 0, type: 0 };
        // The mount table and the user-namespace probe come through the seam: made up here.
        if (name === "mountInfo") return "";
        if (name === "uidMap") return "0 0 4294967295";
        return undefined;
      },
  };
  return { sys: new Proxy({} as Syscalls, handler), calls, open };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function bundle(): { bundleDir: string; stateDir: string } {
  const bundleDir = mkdtempSync(join(tmpdir(), "ocimount-setup-unit-"));
  mkdirSync(join(bundleDir, "rootfs"));
  dirs.push(bundleDir);
  return { bundleDir, stateDir: join(bundleDir, ".state") };
}

const config = {
  root: { path: "rootfs", readonly: true },
  mounts: [
    {
      destination: "/data",
      type: "bind",
      source: "/srv/data",
      options: ["rbind", "ro", "nosuid", "rshared"],
    },
  ],
};

describe("setup with a recording fake", () => {
  test("calls the kernel in plan order, through fds only, and closes every fd", async () => {
    const { sys, calls, open } = recordingSys();
    const { bundleDir, stateDir } = bundle();
    await setup({ config, bundleDir }, { sys, stateDir, verify: false });
    const names = calls.map((c) => c[0]).filter((n) => n !== "statx" && n !== "close");
    expect(names).toEqual([
      "mountInfo", // the mount table, through the seam: no setup stacked on this rootfs
      "uniqueMountId", // the rootfs's mount: which proof of ownership this kernel allows
      "flock", // the journal, locked while setup runs
      "uidMap", // the user-namespace probe
      "openat", // rootfs
      "openTree", // self-bind clone
      "moveMount",
      "uniqueMountId", // its identity (the fake is a kernel without 64-bit mount IDs)
      "readlinkat", // ...so its place: /proc/thread-self/fd/N
      "mountInfo", // ...and the mounts below it
      "openTree", // mounts[0] source
      "openat2", // mountpoint, in root
      "mountSetattr", // ro,nosuid on the detached copy
      "moveMount",
      "mountSetattr", // rshared
      "uniqueMountId", // its identity
      "readlinkat",
      "mountInfo",
      "mountSetattr", // root.readonly
    ]);
    const setattrs = calls.filter((c) => c[0] === "mountSetattr");
    expect(setattrs[0]?.[4]).toMatchObject({ attrSet: MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID });
    expect(setattrs[1]?.[3]).toBe(AT_EMPTY_PATH | AT_RECURSIVE);
    expect(setattrs[1]?.[4]).toMatchObject({ propagation: MS_SHARED });
    expect(setattrs[2]?.[4]).toMatchObject({ attrSet: MOUNT_ATTR_RDONLY, attrClr: 0 });
    for (const c of calls.filter((c) => c[0] === "moveMount")) {
      expect(c[2]).toBe("");
      expect(c[4]).toBe("");
      expect(c[5]).toBe(MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
    }
    expect(calls.some((c) => c[0] === "mount")).toBe(false);
    expect([...open]).toEqual([]);
    expect(existsSync(journalPath(bundleDir, stateDir))).toBe(true);
  });

  test("forceFallback uses mount(2) on /proc/thread-self/fd magic links", async () => {
    const { sys, calls, open } = recordingSys();
    const { bundleDir, stateDir } = bundle();
    await setup({ config, bundleDir }, { sys, stateDir, verify: false, forceFallback: true });
    const mounts = calls.filter((c) => c[0] === "mount");
    expect(mounts.length).toBeGreaterThanOrEqual(4);
    for (const m of mounts) expect(String(m[2])).toMatch(/^\/proc\/thread-self\/fd\/\d+$/);
    expect([...open]).toEqual([]);
  });

  test("open_tree refused with ENOSYS or EINVAL for a bind falls back to mount(2)", async () => {
    for (const errno of [38, 22]) {
      let trees = 0;
      const { sys, calls, open } = recordingSys((name) =>
        name === "openTree" && ++trees === 2 ? errno : undefined,
      );
      const { bundleDir, stateDir } = bundle();
      await setup({ config, bundleDir }, { sys, stateDir, verify: false });
      const binds = calls.filter((c) => c[0] === "mount");
      expect(binds.map((c) => c[4])).toEqual([
        MS_BIND | MS_REC,
        MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID,
        MS_SHARED | MS_REC,
      ]);
      expect(String(binds[0]?.[2])).toMatch(/^\/proc\/thread-self\/fd\/\d+$/);
      expect([...open]).toEqual([]);
    }
  });

  test("a failing step becomes a MountError naming mounts[0]; the journal is removed", async () => {
    let moves = 0;
    const { sys, open } = recordingSys((name) =>
      name === "moveMount" && ++moves === 2 ? 1 : undefined,
    );
    const { bundleDir, stateDir } = bundle();
    let error: unknown;
    try {
      await setup({ config, bundleDir }, { sys, stateDir, verify: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MountError);
    expect(error).toMatchObject({
      code: "ESYSCALL",
      op: "moveMount",
      where: "mounts[0]",
      errnoName: "EPERM",
    });
    expect((error as Error).message).toStartWith("mounts[0]: moveMount");
    expect(existsSync(journalPath(bundleDir, stateDir))).toBe(false);
    expect([...open]).toEqual([]);
  });

  test("a second setup of the same bundle is refused with EALREADY", async () => {
    const { bundleDir, stateDir } = bundle();
    await setup({ config, bundleDir }, { sys: recordingSys().sys, stateDir, verify: false });
    expect(
      setup({ config, bundleDir }, { sys: recordingSys().sys, stateDir, verify: false }),
    ).rejects.toMatchObject({ code: "EALREADY" });
  });
});
