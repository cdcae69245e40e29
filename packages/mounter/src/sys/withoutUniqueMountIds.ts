import { ERRNO } from "@ocimount/mount-flags/errors";
import { STATX_MNT_ID_UNIQUE } from "@ocimount/mount-flags/linux";
import { SyscallError } from "./SyscallError.ts";
import type { Syscalls } from "./Syscalls.ts";

const { ENOSYS } = ERRNO;

/**
 * `sys` as a kernel before Linux 6.8 would answer: no 64-bit mount IDs (`uniqueMountId` is 0),
 * statmount and listmount fail with ENOSYS. Setup then records the older proof of ownership
 * (mountinfo ID, place and a proven parent); tests use it to run both proofs on one kernel.
 */
export function withoutUniqueMountIds(sys: Syscalls): Syscalls {
  return {
    ...sys,
    uniqueMountId: () => 0,
    listmount: (unique) => {
      throw new SyscallError("listmount", ENOSYS, { path: `mount ${unique}` });
    },
    statmount: (unique) => {
      throw new SyscallError("statmount", ENOSYS, { path: `mount ${unique}` });
    },
    statxMask: (dirfd, path, flags, mask) =>
      sys.statxMask(dirfd, path, flags, mask) & ~STATX_MNT_ID_UNIQUE,
    hasSyscall: () => false,
  };
}
