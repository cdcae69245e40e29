import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AT_RECURSIVE, FSCONFIG_CMD_CREATE } from "@ocimount/mount-flags";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { setup } from "../setup.ts";
import { createFakeSyscalls, type FakeSyscallsOptions } from "../sys/fake.ts";
import { HYBRID, V2 } from "./layouts.fixture.ts";

const { EPERM } = ERRNO;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function bundle(): { bundleDir: string; stateDir: string } {
  const bundleDir = mkdtempSync(join(tmpdir(), "ocimount-cgroup-unit-"));
  mkdirSync(join(bundleDir, "rootfs"));
  dirs.push(bundleDir);
  return { bundleDir, stateDir: join(bundleDir, ".state") };
}

const config = {
  root: { path: "rootfs" },
  mounts: [
    {
      destination: "/sys/fs/cgroup",
      type: "cgroup",
      source: "cgroup",
      options: ["nosuid", "noexec", "nodev", "relatime", "ro"],
    },
  ],
};

/** A fake whose cgroup tables (read through the seam) are made up. */
function fakeWith(
  tables: { mountinfo: string; cgroup: string },
  failOn?: FakeSyscallsOptions["failOn"],
) {
  const files = {
    "/proc/thread-self/mountinfo": tables.mountinfo,
    "/proc/self/cgroup": tables.cgroup,
  };
  return createFakeSyscalls({ files, failOn });
}

describe("setup of a type cgroup mount, the layout read through Syscalls", () => {
  test("v2: one cgroup2 mount at the destination", async () => {
    const sys = fakeWith(V2);
    const result = await setup(
      { config, bundleDir: bundle().bundleDir },
      { sys, stateDir: bundle().stateDir, verify: false },
    );
    expect(sys.argsOf("fsopen").map(([fsname]) => fsname)).toEqual(["cgroup2"]);
    expect(sys.argsOf("readTextFile").map(([path]) => path)).toEqual([
      "/proc/thread-self/mountinfo",
      "/proc/self/cgroup",
    ]);
    expect(result.plan.steps.map((s) => s.kind)).toEqual(["rootfs-bind", "new-fs"]);
    expect([...sys.openFds]).toEqual([]);
  });

  test("v2, cgroup2 refused with EPERM: a bind of the host's /sys/fs/cgroup instead", async () => {
    const sys = fakeWith(V2, (op, args) =>
      op === "fsconfig" && args[1] === FSCONFIG_CMD_CREATE ? EPERM : undefined,
    );
    const { bundleDir, stateDir } = bundle();
    const result = await setup({ config, bundleDir }, { sys, stateDir, verify: false });
    const trees = sys.argsOf("openTree").map(([, path]) => path);
    expect(trees).toContain("/sys/fs/cgroup");
    expect(result.warnings).toContainEqual({
      path: "/mounts/0",
      message: expect.stringContaining("cgroup2 mount refused (EPERM)"),
    });
    expect([...sys.openFds]).toEqual([]);
  });

  test("hybrid v1: a tmpfs, then a recursive bind of each own cgroup; never a cgroup mount", async () => {
    const sys = fakeWith(HYBRID);
    const { bundleDir, stateDir } = bundle();
    await setup({ config, bundleDir }, { sys, stateDir, verify: false });
    expect(sys.argsOf("fsopen").map(([fsname]) => fsname)).toEqual(["tmpfs"]);
    const trees = sys.argsOf("openTree").filter(([, path]) => path.startsWith("/sys/fs/cgroup"));
    expect(trees.map(([, path, flags]) => [path, flags & AT_RECURSIVE])).toEqual([
      ["/sys/fs/cgroup/cpu", AT_RECURSIVE],
      ["/sys/fs/cgroup/memory/process_api/5c56", AT_RECURSIVE],
      ["/sys/fs/cgroup/systemd", AT_RECURSIVE],
    ]);
    expect(sys.argsOf("mount").some(([, , fstype]) => fstype === "cgroup")).toBe(false);
  });
});
