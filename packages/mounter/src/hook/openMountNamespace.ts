import { AT_FDCWD, O_CLOEXEC, O_RDONLY } from "@ocimount/mount-flags/linux";
import { errorCode } from "../apply/asMountError.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { HookError } from "./HookError.ts";

/**
 * Opens `<procDir>/ns/mnt` (O_RDONLY|O_CLOEXEC): the container's mount namespace, held as an fd
 * from here on, so a pid reused later cannot redirect us. Throws `HookError` `ESRCH` when the
 * process is gone, the `SyscallError` for anything else (EACCES...).
 */
export function openMountNamespace(sys: Syscalls, procDir: string, pid: number): number {
  try {
    return sys.openat(AT_FDCWD, `${procDir}/ns/mnt`, O_RDONLY | O_CLOEXEC);
  } catch (err) {
    const code = errorCode(err);
    if (code !== "ENOENT" && code !== "ESRCH") throw err;
    throw new HookError({
      code: "ESRCH",
      op: "find container",
      path: procDir,
      detail: `process ${pid} is gone (the container exited or the state is stale)`,
      cause: err,
    });
  }
}
