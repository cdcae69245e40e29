import { ERRNO } from "@ocimount/mount-flags/errors";
import {
  O_CLOEXEC,
  O_PATH,
  RESOLVE_IN_ROOT,
  RESOLVE_NO_MAGICLINKS,
} from "@ocimount/mount-flags/linux";
import { SyscallError } from "../sys/SyscallError.ts";
import type { Syscalls } from "../sys/Syscalls.ts";

const { EAGAIN, ENOSYS } = ERRNO;
/** openat2 says EAGAIN when a rename or mount raced a RESOLVE_IN_ROOT lookup; retry this often. */
const EAGAIN_RETRIES = 32;

/** Syscalls objects whose kernel said ENOSYS for openat2 (before Linux 5.6): not asked again. */
const noOpenat2 = new WeakSet<Syscalls>();

/**
 * One kernel-side in-root open: openat2(rootFd, path, O_PATH|O_CLOEXEC|flags,
 * RESOLVE_IN_ROOT|RESOLVE_NO_MAGICLINKS). Returns the fd, the SyscallError the kernel gave, or
 * undefined when openat2 is unavailable (ENOSYS) or kept racing (EAGAIN): the caller then walks.
 * The empty path means the root itself.
 */
export function openat2InRoot(
  sys: Syscalls,
  rootFd: number,
  unsafePath: string,
  flags: number,
): number | SyscallError | undefined {
  if (noOpenat2.has(sys)) return undefined;
  const how = {
    flags: O_PATH | O_CLOEXEC | flags,
    resolve: RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
  };
  for (let attempt = 0; attempt < EAGAIN_RETRIES; attempt++) {
    try {
      return sys.openat2(rootFd, unsafePath === "" ? "/" : unsafePath, how);
    } catch (error) {
      if (!(error instanceof SyscallError)) throw error;
      if (error.errno === ENOSYS) {
        noOpenat2.add(sys);
        return undefined;
      }
      if (error.errno !== EAGAIN) return error;
    }
  }
  return undefined;
}
