import type { Syscalls } from "../sys/Syscalls.ts";
import type { CgroupLayout } from "./CgroupLayout.ts";
import { parseCgroupLayout } from "./parseCgroupLayout.ts";

/**
 * The cgroup layout of this machine as runc reads it, through the `Syscalls` seam (so a test
 * can make up both tables): this thread's mountinfo, and the cgroup file of the process whose
 * cgroups are bound (`procDir`, default `/proc/self`; the hook passes the container's). Throws
 * `SyscallError` when a file cannot be read, and what `parseCgroupLayout` throws.
 */
export function readCgroupLayout(sys: Syscalls, procDir = "/proc/self"): CgroupLayout {
  const mountinfo = sys.readTextFile("/proc/thread-self/mountinfo");
  return parseCgroupLayout(mountinfo, sys.readTextFile(`${procDir}/cgroup`));
}
