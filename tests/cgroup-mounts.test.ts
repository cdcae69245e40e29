/**
 * `type: "cgroup"` mounts on the real kernel, expanded as runc expands them (docs/KERNEL.md
 * item 16): on this machine's layout (v1 or hybrid: a tmpfs and a read-only bind of the own
 * cgroup per hierarchy), and on a v2 layout arranged in the test's namespace by mounting cgroup2
 * over /sys/fs/cgroup (the host's v1 mounts stay below, unseen by the layout). Configs from
 * `runc spec` and `runc spec --rootless` when runc is installed. As root and under unshare -Urm.
 */
import { afterAll, describe, expect } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCgroupLayout } from "@ocimount/mounter";
import { directory, removeTree } from "@ocimount/test-utils";
import {
  type ActionResult,
  makeBundle,
  mountAt,
  runScenario,
  SCENARIO,
} from "./fixtures/mounter/bundle.ts";
import { mountTest, namespaceMode } from "./helpers/namespace.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) removeTree(dir);
});

const CGROUP = {
  destination: "/sys/fs/cgroup",
  type: "cgroup",
  source: "cgroup",
  options: ["nosuid", "noexec", "nodev", "relatime", "ro"],
};

/** This machine's layout, as the scenario's namespace (a copy of ours) will see it. */
const host = parseCgroupLayout(
  readFileSync("/proc/thread-self/mountinfo", "utf8"),
  readFileSync("/proc/self/cgroup", "utf8"),
);

function runcSpec(args: string[]): Record<string, unknown> | undefined {
  const dir = makeBundle({ rootfs: directory });
  made.push(dir);
  try {
    const r = Bun.spawnSync(["runc", "spec", ...args], { cwd: dir, stderr: "pipe" });
    if (r.exitCode !== 0) return undefined;
  } catch {
    return undefined;
  }
  return JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
}

/** The parts of a generated config setup reads. */
function mountPart(spec: Record<string, unknown>) {
  const linux = (spec.linux ?? {}) as Record<string, unknown>;
  return {
    root: { path: "rootfs", readonly: (spec.root as { readonly?: boolean }).readonly },
    mounts: spec.mounts,
    linux: { maskedPaths: linux.maskedPaths, readonlyPaths: linux.readonlyPaths },
  };
}

/** Every v1 hierarchy of this host is bound read-only from the own cgroup, under a tmpfs. */
function expectV1(info: ActionResult, dir: string, mode: "ro" | "rw" = "ro") {
  const tmpfs = mountAt(info, dir, "/sys/fs/cgroup");
  expect(tmpfs).toMatchObject({ fs: "tmpfs" });
  expect(tmpfs?.opts).toContain("nosuid,nodev,noexec");
  expect(tmpfs?.super).toContain("mode=755");
  for (const h of host.hierarchies) {
    const name = h.mountPoint.split("/").at(-1)!;
    const m = mountAt(info, dir, `/sys/fs/cgroup/${name}`);
    const own = h.source.slice(h.mountPoint.length) || "/";
    expect({ name, fs: m?.fs, root: m?.root, mode: m?.opts.split(",")[0] }).toEqual({
      name,
      fs: "cgroup",
      root: own,
      mode,
    });
  }
  const literal = (info.mounts as ActionResult[]).filter(
    (m) => m.fs === "cgroup" && m.at === `${dir}/rootfs/sys/fs/cgroup`,
  );
  expect(literal).toEqual([]);
}

const v1Host = host.version === 1;
const needs = { pid: true, net: true, ipc: true };

describe("type cgroup on this machine's layout", () => {
  mountTest(
    `a lone cgroup mount: tmpfs plus a bind per hierarchy, status set-up, teardown (${v1Host ? "v1/hybrid host" : "v2 host"})`,
    () => {
      const dir = makeBundle({ rootfs: directory });
      made.push(dir);
      const config = { root: { path: "rootfs" }, mounts: [CGROUP] };
      const [setup, info, status, down, after] = runScenario({
        bundleDir: dir,
        stateDir: `${dir}/.state`,
        config,
        actions: ["setup", "mountinfo", "status", "teardown", "mountinfo"],
      });
      expect(setup).toMatchObject({ ok: true });
      if (v1Host) expectV1(info!, dir);
      else expect(mountAt(info!, dir, "/sys/fs/cgroup")?.fs).toMatch(/^cgroup2$/);
      expect(status).toMatchObject({ ok: true, state: "set-up" });
      expect(status?.steps.filter((s: ActionResult) => s.state !== "mounted")).toEqual([]);
      expect(down).toMatchObject({ ok: true });
      expect(after?.mounts).toEqual([]);
    },
  );

  mountTest("rw in the config: the binds are writable", () => {
    const dir = makeBundle({ rootfs: directory });
    made.push(dir);
    const config = { root: { path: "rootfs" }, mounts: [{ ...CGROUP, options: ["nosuid", "rw"] }] };
    const [setup, info] = runScenario({
      bundleDir: dir,
      stateDir: `${dir}/.state`,
      config,
      actions: ["setup", "mountinfo", "teardown"],
    });
    expect(setup).toMatchObject({ ok: true });
    if (v1Host) expectV1(info!, dir, "rw");
  });

  for (const args of [[], ["--rootless"]]) {
    const spec = runcSpec(args);
    const name = `runc spec ${args.join(" ")}`.trim();
    if (!spec) {
      mountTest(`${name} [skipped: runc is not installed]`, () => {}, { onlyRoot: true });
      continue;
    }
    // runc spec (not --rootless) asks devpts for gid=5, which a user namespace of one mapped id
    // lacks: runc fails there too. Under unshare -Urm that config must fail cleanly instead.
    const unmappedGid = args.length === 0 && namespaceMode === "userns";
    if (unmappedGid) {
      mountTest(
        `${name} as an ordinary user: devpts gid=5 is refused (EINVAL), all rolled back`,
        () => {
          const dir = makeBundle({ rootfs: directory });
          made.push(dir);
          const [setup, after] = runScenario(
            {
              bundleDir: dir,
              stateDir: `${dir}/.state`,
              config: mountPart(spec),
              actions: ["setup", "mountinfo"],
            },
            needs,
          );
          expect(setup).toMatchObject({ ok: false, where: "mounts[2]", errnoName: "EINVAL" });
          expect(after?.mounts).toEqual([]);
        },
      );
      continue;
    }
    mountTest(`${name}: sets up, verifies, status set-up, tears down cleanly`, () => {
      const dir = makeBundle({ rootfs: directory });
      made.push(dir);
      const [setup, info, status, down, after] = runScenario(
        {
          bundleDir: dir,
          stateDir: `${dir}/.state`,
          config: mountPart(spec),
          actions: ["setup", "mountinfo", "status", "teardown", "mountinfo"],
        },
        needs,
      );
      expect(setup).toMatchObject({ ok: true });
      if (v1Host) expectV1(info!, dir);
      expect(status).toMatchObject({ ok: true, state: "set-up" });
      const bad = status?.steps.filter(
        (s: ActionResult) => !["mounted", "skipped"].includes(s.state),
      );
      expect(bad).toEqual([]);
      expect(down).toMatchObject({ ok: true });
      expect(after?.mounts).toEqual([]);
    });
  }
});

/** Stacks a cgroup2 mount over /sys/fs/cgroup, so the namespace's layout reads as v2. */
const STACK_CGROUP2 = { sh: "mount -t cgroup2 cgroup2 /sys/fs/cgroup" };

describe("type cgroup on a v2 layout (cgroup2 stacked over /sys/fs/cgroup in the test's namespace)", () => {
  mountTest("cgroup2 at the destination, read-only, torn down cleanly", () => {
    const dir = makeBundle({ rootfs: directory });
    made.push(dir);
    const [stack, setup, info, status, down] = runScenario(
      {
        bundleDir: dir,
        stateDir: `${dir}/.state`,
        config: { root: { path: "rootfs" }, mounts: [CGROUP] },
        actions: [STACK_CGROUP2, "setup", "mountinfo", "status", "teardown"],
      },
      { cgroup: true },
    );
    expect(stack).toMatchObject({ ok: true, stderr: "" });
    expect(setup).toMatchObject({ ok: true, warnings: [] });
    const m = mountAt(info!, dir, "/sys/fs/cgroup");
    expect({ fs: m?.fs, mode: m?.opts.split(",")[0] }).toEqual({ fs: "cgroup2", mode: "ro" });
    expect(status).toMatchObject({ ok: true, state: "set-up" });
    expect(down).toMatchObject({ ok: true });
  });

  mountTest(
    "cgroup2 refused (a user namespace without a cgroup namespace): a bind of /sys/fs/cgroup",
    () => {
      const dir = makeBundle({ rootfs: directory });
      made.push(dir);
      const inner = JSON.stringify({
        bundleDir: dir,
        stateDir: `${dir}/.state`,
        config: { root: { path: "rootfs" }, mounts: [CGROUP] },
        actions: ["setup", "mountinfo", "status", "teardown"],
      });
      const nested = `unshare -Urm --propagation private bun ${SCENARIO} '${inner}'`;
      const [stack, run] = runScenario(
        { bundleDir: dir, stateDir: `${dir}/.state`, actions: [STACK_CGROUP2, { sh: nested }] },
        { cgroup: true },
      );
      expect(stack).toMatchObject({ ok: true, stderr: "" });
      expect(run).toMatchObject({ ok: true });
      const [setup, info, status, down] = JSON.parse(run!.stdout) as ActionResult[];
      expect(setup).toMatchObject({ ok: true });
      expect(setup?.warnings).toContainEqual({
        path: "/mounts/0",
        message: expect.stringContaining("cgroup2 mount refused"),
      });
      const m = mountAt(info!, dir, "/sys/fs/cgroup");
      expect({ fs: m?.fs, root: m?.root, mode: m?.opts.split(",")[0] }).toEqual({
        fs: "cgroup2",
        root: "/",
        mode: "ro",
      });
      expect(status).toMatchObject({ ok: true, state: "set-up" });
      expect(down).toMatchObject({ ok: true });
    },
  );
});

if (namespaceMode === "userns") {
  console.warn("[ocimount tests] cgroup mounts run under unshare -Urm (ordinary user)");
}
