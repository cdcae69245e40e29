/** One cgroup v1 hierarchy as runc binds it into a container. */
export interface CgroupHierarchy {
  /** Where the hierarchy is mounted, e.g. `/sys/fs/cgroup/memory` (its last component names the bind). */
  mountPoint: string;
  /** The controllers (or `name=...`) it serves, from its super options: `["cpu", "cpuacct"]`. */
  subsystems: string[];
  /** The directory of the process's own cgroup in it, e.g. `/sys/fs/cgroup/memory/user.slice`. */
  source: string;
}

/**
 * The cgroup layout a `type: "cgroup"` mount is expanded from (`readCgroupLayout`): what runc's
 * libcontainer reads from /proc/self/mountinfo and /proc/<pid>/cgroup.
 */
export interface CgroupLayout {
  /** 2 when /sys/fs/cgroup is a cgroup2 mount (unified), else 1 (v1, or hybrid). */
  version: 1 | 2;
  /** v1 and hybrid: the hierarchies to bind, in mountinfo order; v2: empty. */
  hierarchies: CgroupHierarchy[];
  /**
   * v2: the cgroup2 mount, and the process's own cgroup directory in it (undefined when a cgroup
   * namespace puts it outside the mount's root).
   */
  unified?: { mountPoint: string; source: string | undefined };
}
