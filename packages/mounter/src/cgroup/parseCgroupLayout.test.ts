import { describe, expect, test } from "bun:test";
import { MountError } from "../errors.ts";
import type { CgroupLayout } from "./CgroupLayout.ts";
import { HYBRID, MERGED, V2, V2_CGROUPNS } from "./layouts.fixture.ts";
import { parseCgroupLayout } from "./parseCgroupLayout.ts";

const rows: Array<[string, { mountinfo: string; cgroup: string }, CgroupLayout]> = [
  [
    "hybrid: each v1 hierarchy with the own cgroup, name=systemd too, not unified",
    HYBRID,
    {
      version: 1,
      hierarchies: [
        { mountPoint: "/sys/fs/cgroup/cpu", subsystems: ["cpu"], source: "/sys/fs/cgroup/cpu" },
        {
          mountPoint: "/sys/fs/cgroup/memory",
          subsystems: ["memory"],
          source: "/sys/fs/cgroup/memory/process_api/5c56",
        },
        {
          mountPoint: "/sys/fs/cgroup/systemd",
          subsystems: ["name=systemd"],
          source: "/sys/fs/cgroup/systemd",
        },
      ],
    },
  ],
  [
    "v1 with merged controllers; a colon in a cgroup path",
    MERGED,
    {
      version: 1,
      hierarchies: [
        {
          mountPoint: "/sys/fs/cgroup/cpu,cpuacct",
          subsystems: ["cpu", "cpuacct"],
          source: "/sys/fs/cgroup/cpu,cpuacct/user.slice",
        },
        {
          mountPoint: "/sys/fs/cgroup/pids",
          subsystems: ["pids"],
          source: "/sys/fs/cgroup/pids/user.slice/a:b",
        },
      ],
    },
  ],
  [
    "v2: the unified mount and the own cgroup in it",
    V2,
    {
      version: 2,
      hierarchies: [],
      unified: {
        mountPoint: "/sys/fs/cgroup",
        source: "/sys/fs/cgroup/user.slice/user-1000.slice/session-2.scope",
      },
    },
  ],
  [
    "v2 in a cgroup namespace: the own cgroup is outside the mount's root, so unknown",
    V2_CGROUPNS,
    { version: 2, hierarchies: [], unified: { mountPoint: "/sys/fs/cgroup", source: undefined } },
  ],
];

describe("parseCgroupLayout", () => {
  test.each(rows)("%s", (_name, tables, want) => {
    expect(parseCgroupLayout(tables.mountinfo, tables.cgroup)).toEqual(want);
  });

  test("a cgroup line without two colons is EINVALID", () => {
    expect(() => parseCgroupLayout(HYBRID.mountinfo, "memory\n")).toThrow(MountError);
  });

  test("a v1 own cgroup outside the mount's root is EINVALID (never a bind outside it)", () => {
    const mountinfo = HYBRID.mountinfo.replace(
      "0:35 / /sys/fs/cgroup/memory",
      "0:35 /x /sys/fs/cgroup/memory",
    );
    expect(() => parseCgroupLayout(mountinfo, HYBRID.cgroup)).toThrow(/outside the mount's root/);
  });

  test("no cgroup mounts at all: v1 with nothing to bind", () => {
    expect(parseCgroupLayout("22 1 0:20 / /sys rw - sysfs sysfs rw", "0::/\n")).toEqual({
      version: 1,
      hierarchies: [],
    });
  });
});
