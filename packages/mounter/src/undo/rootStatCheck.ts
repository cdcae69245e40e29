import { AT_EMPTY_PATH } from "@ocimount/mount-flags";
import { AT_FDCWD, O_CLOEXEC, O_NOFOLLOW, O_PATH } from "@ocimount/mount-flags/linux";
import type { Syscalls } from "../sys/Syscalls.ts";
import { type MountIdentity, rootStatOf } from "./MountIdentity.ts";

/**
 * `ownedMounts`' `confirm` for `place` proof: whether the live mount at a recorded ID and place
 * still has the root recorded (`rootStatOf`: device, inode, birth time), by statx of its root
 * opened O_PATH|O_NOFOLLOW (the call that recorded it, so like is compared with like). Another
 * root is a foreign mount that the kernel handed our freed 32-bit ID: not ours. When the mount
 * cannot be looked at (covered by another, gone, unreadable), it is not denied here: unmounting
 * checks the fd again and refuses a covered one.
 */
export function rootStatCheck(
  sys: Syscalls,
): (live: MountIdentity, recorded: MountIdentity) => boolean {
  return (live, recorded) => {
    let fd: number;
    try {
      fd = sys.openat(AT_FDCWD, live.at, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    } catch {
      return true;
    }
    try {
      const st = sys.statx(fd, "", AT_EMPTY_PATH);
      if (!st.isMountRoot || st.mountId !== live.id) return true;
      return rootStatOf(st) === recorded.rootStat;
    } catch {
      return true;
    } finally {
      sys.close(fd);
    }
  };
}
