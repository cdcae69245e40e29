/**
 * Made-up cgroup tables for unit tests: mountinfo and /proc/<pid>/cgroup texts of a v1 hybrid
 * host (as this project's CI machine has it), a v1 host with merged controllers, and v2 hosts.
 */
const line = (id: number, point: string, fs: string, supers: string, root = "/") =>
  `${id} 23 0:${id} ${root} ${point} rw,nosuid,nodev,noexec,relatime - ${fs} ${fs} ${supers}`;

const SYS = "22 1 0:20 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw";

/** Hybrid: a tmpfs at /sys/fs/cgroup, a hierarchy per controller, name=systemd, unified. */
export const HYBRID = {
  mountinfo: [
    SYS,
    "31 22 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
    line(32, "/sys/fs/cgroup/cpu", "cgroup", "rw,cpu"),
    line(35, "/sys/fs/cgroup/memory", "cgroup", "rw,memory"),
    line(40, "/sys/fs/cgroup/systemd", "cgroup", "rw,name=systemd"),
    line(41, "/sys/fs/cgroup/unified", "cgroup2", "rw"),
    // A container's bind of the same hierarchy, later in the table: never chosen.
    line(90, "/var/lib/c/rootfs/sys/fs/cgroup/memory", "cgroup", "rw,memory", "/other"),
  ].join("\n"),
  cgroup: ["9:name=systemd:/", "4:memory:/process_api/5c56", "1:cpu:/", "0::/"].join("\n"),
};

/** v1 with merged controllers (cpu,cpuacct) and a process in a nested cgroup. */
export const MERGED = {
  mountinfo: [
    SYS,
    "31 22 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw,mode=755",
    line(32, "/sys/fs/cgroup/cpu,cpuacct", "cgroup", "rw,cpu,cpuacct"),
    line(33, "/sys/fs/cgroup/pids", "cgroup", "rw,pids"),
  ].join("\n"),
  cgroup: ["3:pids:/user.slice/a:b", "2:cpu,cpuacct:/user.slice", "0::/"].join("\n"),
};

/** v2: cgroup2 at /sys/fs/cgroup, the process in a nested cgroup. */
export const V2 = {
  mountinfo: [SYS, line(31, "/sys/fs/cgroup", "cgroup2", "rw,nsdelegate")].join("\n"),
  cgroup: "0::/user.slice/user-1000.slice/session-2.scope\n",
};

/** v2 seen from inside a cgroup namespace whose root is below the mount's root. */
export const V2_CGROUPNS = {
  mountinfo: [SYS, line(31, "/sys/fs/cgroup", "cgroup2", "rw", "/../..")].join("\n"),
  cgroup: "0::/\n",
};
