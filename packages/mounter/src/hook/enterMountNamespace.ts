import { AT_EMPTY_PATH } from "@ocimount/mount-flags";
import { AT_FDCWD, CLONE_FS, CLONE_NEWNS } from "@ocimount/mount-flags/linux";
import type { Syscalls } from "../sys/Syscalls.ts";

/**
 * Moves the calling thread into the mount namespace `nsFd` refers to, unless it is there
 * already (then returns false). setns(2) refuses CLONE_NEWNS with EINVAL while the thread
 * shares its fs struct with others (bun's helper threads do: setns(2), "EINVAL ... the caller
 * is multithreaded"), so the thread first takes a private copy with unshare(CLONE_FS). Only
 * this thread moves: afterwards, do file work synchronously on it (node:fs `*Sync`), never
 * through APIs that may run on a worker thread. Throws `SyscallError`.
 */
export function enterMountNamespace(sys: Syscalls, nsFd: number): boolean {
  const target = sys.statx(nsFd, "", AT_EMPTY_PATH);
  const own = sys.statx(AT_FDCWD, "/proc/thread-self/ns/mnt", 0);
  const same =
    target.ino === own.ino && target.devMajor === own.devMajor && target.devMinor === own.devMinor;
  if (same) return false;
  sys.unshare(CLONE_FS);
  sys.setns(nsFd, CLONE_NEWNS);
  return true;
}
