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
import { MountError } from "./errors.ts";
import { journalPath } from "./journal/journalPath.ts";
import { setup } from "./setup.ts";
import { createFakeSyscalls, type FakeSyscallsOptions } from "./sys/fake.ts";

/** The seam's recording fake, each fd a directory that is a mount root (its own mount ID). */
function recordingSys(failOn?: FakeSyscallsOptions["failOn"]) {
  const sys = createFakeSyscalls({
    failOn,
    stat: (fd) => ({ devMinor: 0, ino: 1n, mountId: 900_000 + fd, isMountRoot: true }),
  });
  return { sys, calls: sys.calls, open: sys.openFds };
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
    const names = calls.map((c) => c.op).filter((op) => op !== "statx" && op !== "close");
    expect(names).toEqual([
      "mountInfo", // the mount table, through the seam: no setup stacked on this rootfs
      "uniqueMountId", // the rootfs's mount: which proof of ownership this kernel allows
      "flock", // the journal, locked while setup runs
      "uidMap", // the user-namespace probe
      "openat", // rootfs
      "openTree", // self-bind clone
      "moveMount",
      "uniqueMountId", // its identity (the fake is a kernel without 64-bit mount IDs)
      "fdPath", // ...so its place: where the fd is
      "mountInfo", // ...and the mounts below it
      "openTree", // mounts[0] source
      "openat2", // mountpoint, in root
      "mountSetattr", // ro,nosuid on the detached copy
      "moveMount",
      "mountSetattr", // rshared
      "uniqueMountId", // its identity
      "fdPath",
      "mountInfo",
      "mountSetattr", // root.readonly
    ]);
    const setattrs = sys.argsOf("mountSetattr");
    expect(setattrs[0]?.[3]).toMatchObject({ attrSet: MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID });
    expect(setattrs[1]?.[2]).toBe(AT_EMPTY_PATH | AT_RECURSIVE);
    expect(setattrs[1]?.[3]).toMatchObject({ propagation: MS_SHARED });
    expect(setattrs[2]?.[3]).toMatchObject({ attrSet: MOUNT_ATTR_RDONLY, attrClr: 0 });
    for (const [, fromPath, , toPath, flags] of sys.argsOf("moveMount")) {
      expect(fromPath).toBe("");
      expect(toPath).toBe("");
      expect(flags).toBe(MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
    }
    expect(sys.argsOf("mount")).toEqual([]);
    expect([...open]).toEqual([]);
    expect(existsSync(journalPath(bundleDir, stateDir))).toBe(true);
  });

  test("forceFallback uses mount(2) on /proc/thread-self/fd magic links", async () => {
    const { sys, open } = recordingSys();
    const { bundleDir, stateDir } = bundle();
    await setup({ config, bundleDir }, { sys, stateDir, verify: false, forceFallback: true });
    const mounts = sys.argsOf("mount");
    expect(mounts.length).toBeGreaterThanOrEqual(4);
    for (const [, target] of mounts) expect(target).toMatch(/^\/proc\/thread-self\/fd\/\d+$/);
    expect([...open]).toEqual([]);
  });

  test("open_tree refused with ENOSYS or EINVAL for a bind falls back to mount(2)", async () => {
    for (const errno of [38, 22]) {
      let trees = 0;
      const { sys, open } = recordingSys((name) =>
        name === "openTree" && ++trees === 2 ? errno : undefined,
      );
      const { bundleDir, stateDir } = bundle();
      await setup({ config, bundleDir }, { sys, stateDir, verify: false });
      const binds = sys.argsOf("mount");
      expect(binds.map(([, , , flags]) => flags)).toEqual([
        MS_BIND | MS_REC,
        MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID,
        MS_SHARED | MS_REC,
      ]);
      expect(binds[0]?.[1]).toMatch(/^\/proc\/thread-self\/fd\/\d+$/);
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
