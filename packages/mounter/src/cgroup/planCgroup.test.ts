import { describe, expect, test } from "bun:test";
import {
  MS_NODEV,
  MS_NOEXEC,
  MS_NOSUID,
  MS_PRIVATE,
  MS_RDONLY,
  MS_REC,
} from "@ocimount/mount-flags";
import { planHookMounts } from "../hook/planHookMounts.ts";
import { planSetup } from "../plan/planSetup.ts";
import type { Step } from "../plan/types.ts";
import { createFakeSyscalls } from "../sys/fake.ts";
import { HYBRID, MERGED, V2, V2_CGROUPNS } from "./layouts.fixture.ts";
import { parseCgroupLayout } from "./parseCgroupLayout.ts";

/** The cgroup mount `runc spec` writes. */
const RUNC_SPEC_CGROUP = {
  destination: "/sys/fs/cgroup",
  type: "cgroup",
  source: "cgroup",
  options: ["nosuid", "noexec", "nodev", "relatime", "ro"],
};

function plan(tables: { mountinfo: string; cgroup: string }, extra: object = {}, options = {}) {
  const layout = parseCgroupLayout(tables.mountinfo, tables.cgroup);
  const config = { root: { path: "rootfs" }, mounts: [{ ...RUNC_SPEC_CGROUP, ...extra }] };
  const sys = createFakeSyscalls();
  return planSetup(config, "/b", {
    resolveHostPaths: false,
    cgroupLayout: layout,
    sys,
    ...options,
  });
}

/** Each step as [kind, why, what, target]. */
const brief = (steps: Step[]) =>
  steps.slice(1).map((s) => {
    if (s.kind === "bind") return [s.kind, s.why, s.source, s.target.path];
    if (s.kind === "new-fs") return [s.kind, s.why, s.fsType, s.target.path];
    if (s.kind === "link") return [s.kind, s.why, s.linkTo, s.target.path];
    return [s.kind, s.why, "", s.target.path];
  });

describe("type cgroup on a v1 or hybrid host: a tmpfs and a bind per hierarchy", () => {
  test("hybrid: tmpfs nosuid,nodev,noexec,mode=755, then rbinds of the own cgroups", () => {
    const { steps } = plan(HYBRID);
    expect(brief(steps)).toEqual([
      ["new-fs", "mounts[0]", "tmpfs", "/sys/fs/cgroup"],
      ["bind", "mounts[0]/cpu", "/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu"],
      [
        "bind",
        "mounts[0]/memory",
        "/sys/fs/cgroup/memory/process_api/5c56",
        "/sys/fs/cgroup/memory",
      ],
      ["bind", "mounts[0]/systemd", "/sys/fs/cgroup/systemd", "/sys/fs/cgroup/systemd"],
    ]);
    const tmpfs = steps[1]!;
    expect(tmpfs.kind === "new-fs" && tmpfs.options.flags).toBe(MS_NOSUID | MS_NODEV | MS_NOEXEC);
    expect(tmpfs.kind === "new-fs" && tmpfs.options.data).toBe("mode=755");
    const bind = steps[2]!;
    expect(bind.kind === "bind" && bind.recursive).toBe(true);
    expect(bind.kind === "bind" && bind.options.flags & MS_RDONLY).toBe(MS_RDONLY);
  });

  test("rw in the config: the binds are writable", () => {
    const { steps } = plan(HYBRID, { options: ["nosuid", "rw"] });
    const bind = steps[2]!;
    expect(bind.kind === "bind" && bind.options.flags).toBe(MS_NOSUID);
  });

  test("the mount's propagation goes to the tmpfs and each bind", () => {
    const { steps } = plan(HYBRID, { options: ["ro", "rprivate"] });
    for (const s of steps.slice(1)) {
      expect("options" in s && s.options.propagation).toEqual([MS_PRIVATE | MS_REC]);
    }
  });

  test("merged controllers: one bind, a symlink per controller", () => {
    expect(brief(plan(MERGED).steps)).toEqual([
      ["new-fs", "mounts[0]", "tmpfs", "/sys/fs/cgroup"],
      [
        "bind",
        "mounts[0]/cpu,cpuacct",
        "/sys/fs/cgroup/cpu,cpuacct/user.slice",
        "/sys/fs/cgroup/cpu,cpuacct",
      ],
      ["bind", "mounts[0]/pids", "/sys/fs/cgroup/pids/user.slice/a:b", "/sys/fs/cgroup/pids"],
      ["link", "mounts[0]/cpu", "cpu,cpuacct", "/sys/fs/cgroup/cpu"],
      ["link", "mounts[0]/cpuacct", "cpu,cpuacct", "/sys/fs/cgroup/cpuacct"],
    ]);
  });

  test("a cgroup mount with a bind option is an ordinary bind", () => {
    const { steps } = plan(HYBRID, { source: "/sys/fs/cgroup", options: ["rbind", "ro"] });
    expect(brief(steps)).toEqual([["bind", "mounts[0]", "/sys/fs/cgroup", "/sys/fs/cgroup"]]);
  });

  test("the layout is read only when a config has a cgroup mount", () => {
    let reads = 0;
    const cgroupLayout = () => {
      reads++;
      return parseCgroupLayout(HYBRID.mountinfo, HYBRID.cgroup);
    };
    const sys = createFakeSyscalls();
    planSetup({ root: { path: "r" }, mounts: [{ destination: "/t", type: "tmpfs" }] }, "/b", {
      cgroupLayout,
      sys,
    });
    expect(reads).toBe(0);
    const two = { ...RUNC_SPEC_CGROUP, destination: "/c2" };
    planSetup({ root: { path: "r" }, mounts: [RUNC_SPEC_CGROUP, two] }, "/b", {
      cgroupLayout,
      sys,
    });
    expect(reads).toBe(1);
  });
});

describe("type cgroup on a v2 host", () => {
  test("cgroup2 at the destination, a bind of the host's /sys/fs/cgroup if refused", () => {
    const [, step] = plan(V2).steps;
    expect(step).toMatchObject({
      kind: "new-fs",
      why: "mounts[0]",
      fsType: "cgroup2",
      source: "cgroup",
      orBind: "/sys/fs/cgroup",
    });
    expect(step?.kind === "new-fs" && step.options.flags & MS_RDONLY).toBe(MS_RDONLY);
  });

  test("the hook binds the container's own cgroup instead", () => {
    const [, step] = plan(V2, {}, { bindOwnCgroup: true }).steps;
    expect(step).toMatchObject({
      kind: "bind",
      source: "/sys/fs/cgroup/user.slice/user-1000.slice/session-2.scope",
      recursive: false,
    });
  });

  test("the hook refuses when the own cgroup is outside the mount's root", () => {
    expect(() => plan(V2_CGROUPNS, {}, { bindOwnCgroup: true })).toThrow(/own cgroup/);
  });
});

describe("type cgroup in the hook", () => {
  test("binds the container's cgroups, read with the function the hook passes", () => {
    const layout = () => parseCgroupLayout(HYBRID.mountinfo, HYBRID.cgroup);
    const plan = planHookMounts(
      "rootfs",
      { mounts: [RUNC_SPEC_CGROUP], maskedPaths: [], readonlyPaths: [] },
      "/b",
      { cgroupLayout: layout, sys: createFakeSyscalls() },
    );
    expect(plan.steps.map((s) => s.kind)).toEqual(["new-fs", "bind", "bind", "bind"]);
    expect(plan.steps[2]).toMatchObject({ source: "/sys/fs/cgroup/memory/process_api/5c56" });
  });
});
