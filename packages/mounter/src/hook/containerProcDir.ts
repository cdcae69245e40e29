import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import { createSyscalls } from "../sys/ffi.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { HookError } from "./HookError.ts";

/** What `containerProcDir` needs to know about this process (the real one by default). */
export interface ProcessView {
  /** getpid(2): our pid in our own pid namespace. */
  pid: number;
  /** getppid(2), in our own pid namespace. */
  ppid: number;
  /** `readlink /proc/self`: our pid in the pid namespace of the procfs mounted at /proc. */
  procSelf: string;
  /** Our parent's pid as /proc sees it (`PPid:` of /proc/self/status). */
  procParent: () => number;
}

/** This process, as `containerProcDir` sees it (/proc read through `sys`, the syscall seam). */
export function currentProcessView(sys: Syscalls = createSyscalls()): ProcessView {
  return {
    pid: process.pid,
    ppid: process.ppid,
    procSelf: sys.readlinkat(AT_FDCWD, "/proc/self"),
    procParent: () => {
      const status = sys.readTextFile("/proc/self/status");
      return Number(/^PPid:\s+(\d+)$/m.exec(status)?.[1] ?? 0);
    },
  };
}

/**
 * The /proc directory of the container process `pid` from a state document. The pid is in the
 * runtime's pid namespace, which is ours in a `createRuntime` hook. In a `createContainer` hook
 * runc runs us from the container's init, in the container's pid namespace, while /proc is still
 * the host's procfs (pivot_root has not happened): there `/proc/<pid>` would be another process
 * (pid 1 is the host's init). So when /proc is not of our pid namespace, the only pid we can
 * place is our parent's (runc sends its own pid, and we are its child; crun 1.8 sends 0); anything
 * else is `HookError` `ENOTSUP`, and pid 0 with /proc of our own pid namespace `ENOPID`. Does not
 * check that the directory exists.
 */
export function containerProcDir(pid: number, view: ProcessView = currentProcessView()): string {
  const ownProc = view.procSelf === String(view.pid);
  if (pid === 0) {
    // crun 1.8 runs createContainer hooks from the container's init, inside its pid namespace,
    // with "pid": 0 in their state: that init is our parent. Only there: elsewhere our parent
    // is the runtime itself, in the host's namespaces.
    if (!ownProc) return `/proc/${view.procParent()}`;
    throw new HookError({
      code: "ENOPID",
      op: "find container",
      path: "pid 0",
      detail: "the state has no pid: run ocimount as a createRuntime or createContainer hook",
    });
  }
  if (ownProc) return `/proc/${pid}`;
  if (pid === view.ppid) return `/proc/${view.procParent()}`;
  throw new HookError({
    code: "ENOTSUP",
    op: "find container",
    path: `pid ${pid}`,
    detail: `/proc belongs to another pid namespace (we are ${view.pid} here, ${view.procSelf} there) and pid ${pid} is not our parent`,
  });
}
