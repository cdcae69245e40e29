/**
 * A `type: "cgroup"` mount added by `ocimount hook` inside a real runc container: the binds are of
 * the container's own cgroups (runc's `/<id>` under the caller's), exactly where runc's own cgroup
 * mount at /sys/fs/cgroup puts them, read from the container's /proc/<pid>/cgroup. On this
 * machine's v1/hybrid layout. With runc and busybox-static; skipped visibly otherwise.
 */
import { afterAll, expect, test } from "bun:test";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseMountInfo } from "@ocimount/mount-flags";
import { busyboxConfig, hookEntry, makeWorkDir, writeConfig } from "./fixtures/hook/runc.ts";
import { runcInTier, runcTierSkipReason } from "./helpers/runcTier.ts";

const skip = runcTierSkipReason();
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const CGROUP = {
  type: "cgroup",
  source: "cgroup",
  options: ["nosuid", "noexec", "nodev", "relatime", "ro"],
};

const name = "the hook's cgroup binds are the container's cgroups, as runc's own cgroup mount";
test.skipIf(skip !== "")(
  skip ? `${name} [skipped: ${skip}]` : name,
  () => {
    const work = makeWorkDir();
    made.push(work.dir);
    const mountsFile = join(work.dir, "mounts.json");
    writeFileSync(mountsFile, JSON.stringify([{ ...CGROUP, destination: "/cg" }]));
    const hooks = { createRuntime: [hookEntry(["--mounts", mountsFile])] };
    const config = busyboxConfig("cat /proc/self/mountinfo", { hooks });
    config.mounts.push({ ...CGROUP, destination: "/sys/fs/cgroup" } as never);
    writeConfig(work.bundle, config);
    const r = runcInTier(work, `ocimount-cgroup-hook-${process.pid}`);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const mounts = parseMountInfo(r.stdout);
    const runcs = mounts.filter(
      (m) => m.fsType === "cgroup" && m.mountPoint.startsWith("/sys/fs/cgroup/"),
    );
    const ours = mounts.filter((m) => m.fsType === "cgroup" && m.mountPoint.startsWith("/cg/"));
    expect(runcs.length).toBeGreaterThan(0);
    const view = (list: typeof mounts, at: string) =>
      list.map((m) => [m.mountPoint.slice(at.length), m.root, m.mountOptions[0]]).sort();
    expect(view(ours, "/cg/")).toEqual(view(runcs, "/sys/fs/cgroup/"));
    const tmpfs = mounts.find((m) => m.mountPoint === "/cg");
    expect(tmpfs?.fsType).toBe("tmpfs");
  },
  120_000,
);
