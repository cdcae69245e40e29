import { AT_SYMLINK_NOFOLLOW, OPEN_TREE_CLOEXEC } from "@ocimount/mount-flags";
import { ERRNO, type ErrnoName, isOcimountError } from "@ocimount/mount-flags/errors";
import {
  AT_FDCWD,
  O_CLOEXEC,
  O_PATH,
  RESOLVE_IN_ROOT,
  STATX_MNT_ID_UNIQUE,
} from "@ocimount/mount-flags/linux";
import { createSyscalls } from "./sys/ffi.ts";
import type { Syscalls } from "./sys/Syscalls.ts";

/**
 * What one probe found: whether the kernel has the feature, and the errno that said no (as in
 * every ocimount error: `errno` the number, `errnoName` its name).
 */
export interface KernelFeature {
  /** The feature's name as ocimount's docs use it: `openat2`, `mount API`, ... */
  name: string;
  /** The Linux version that added it. */
  since: string;
  /** What ocimount does with it, or without it. */
  use: string;
  available: boolean;
  /** The errno of the refusal when not available (38, ENOSYS), else undefined. */
  errno?: number;
  /** Its name (`ENOSYS`). */
  errnoName?: ErrnoName;
}

/** A probe's answer. */
type Probed = Pick<KernelFeature, "available" | "errno" | "errnoName">;

/** A probe that failed with `error`: its errno, or rethrown when it is not a system call's. */
function refused(error: unknown): Probed {
  if (!isOcimountError(error) || error.errno === undefined) throw error;
  const { errno, errnoName } = error;
  return { available: false, errno, ...(errnoName === undefined ? {} : { errnoName }) };
}

const { ENOSYS } = ERRNO;

/** Runs `call`; a failed system call other than ENOSYS still proves the call exists. */
function exists(call: () => void): Probed {
  try {
    call();
    return { available: true };
  } catch (error) {
    const probed = refused(error);
    return probed.errno === ENOSYS ? probed : { available: true };
  }
}

/** Opens and closes an fd: the probe leaves nothing open. */
function opened(sys: Syscalls, open: () => number): () => void {
  return () => sys.close(open());
}

/**
 * Which kernel features ocimount can use here, each asked of the kernel once through `sys`
 * (the real system calls by default), without changing anything: each call is a lookup of "/"
 * or one the kernel must refuse (a no-op `mount_setattr`, a NULL `statmount` request). A
 * feature is missing only when the kernel says ENOSYS; other refusals (EPERM when not root,
 * EFAULT) prove the call exists. Seccomp filters that answer ENOSYS make a feature look
 * missing, which is what ocimount would meet too. For `ocimount version`.
 */
export function probeKernelFeatures(sys: Syscalls = createSyscalls()): KernelFeature[] {
  const openat2 = exists(
    opened(sys, () =>
      sys.openat2(AT_FDCWD, "/", { flags: O_PATH | O_CLOEXEC, resolve: RESOLVE_IN_ROOT }),
    ),
  );
  const mountApi = exists(opened(sys, () => sys.openTree(AT_FDCWD, "/", OPEN_TREE_CLOEXEC)));
  // attr_set = attr_clr = propagation = 0 is a no-op the kernel returns from at once.
  const setattr = exists(() =>
    sys.mountSetattr(AT_FDCWD, "/", AT_SYMLINK_NOFOLLOW, { attrSet: 0, attrClr: 0 }),
  );
  let uniqueId: Probed;
  try {
    const mask = sys.statxMask(AT_FDCWD, "/", AT_SYMLINK_NOFOLLOW, STATX_MNT_ID_UNIQUE);
    uniqueId = { available: (mask & STATX_MNT_ID_UNIQUE) !== 0 };
  } catch (error) {
    uniqueId = refused(error);
  }
  const statmount = sys.hasSyscall("statmount") && sys.hasSyscall("listmount");
  return [
    {
      name: "openat2",
      since: "5.6",
      use: "RESOLVE_IN_ROOT lookups (else an O_NOFOLLOW walk)",
      ...openat2,
    },
    {
      name: "mount API",
      since: "5.2",
      use: "open_tree, move_mount, fsopen, fsmount (else mount(2))",
      ...mountApi,
    },
    {
      name: "mount_setattr",
      since: "5.12",
      use: "flags set on the detached mount, recursive (r*) options",
      ...setattr,
    },
    {
      name: "idmap",
      since: "5.12",
      use: "MOUNT_ATTR_IDMAP for idmap/ridmap (each filesystem must support it too)",
      ...setattr,
    },
    {
      name: "STATX_MNT_ID_UNIQUE",
      since: "6.8",
      use: "mount IDs that are never reused",
      ...uniqueId,
    },
    {
      name: "listmount/statmount",
      since: "6.8",
      use: "the mount table without parsing mountinfo",
      available: statmount,
      ...(statmount ? {} : { errno: ENOSYS, errnoName: "ENOSYS" }),
    },
  ];
}
