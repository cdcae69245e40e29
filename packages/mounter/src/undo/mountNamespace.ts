import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import { MountError } from "../errors.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { UndoSet } from "./UndoSet.ts";

/**
 * The calling thread's mount namespace as the nsfs inode of `/proc/thread-self/ns/mnt`, the `N`
 * of `mnt:[N]` (stat follows the magic link to the namespace itself). 0 when /proc is missing.
 */
export function mountNamespace(sys: Syscalls): number {
  try {
    return Number(sys.statx(AT_FDCWD, "/proc/thread-self/ns/mnt", 0).ino);
  } catch {
    return 0;
  }
}

/** Throws `ENAMESPACE` unless this thread is in the mount namespace the set was made in. */
export function checkNamespace(sys: Syscalls, set: UndoSet): void {
  const here = mountNamespace(sys);
  if (set.mntns === 0 || here === 0 || here === set.mntns) return;
  throw new MountError({
    code: "ENAMESPACE",
    op: "teardown",
    target: set.bundleDir,
    detail: `set up in mnt:[${set.mntns}], this is mnt:[${here}]`,
  });
}
