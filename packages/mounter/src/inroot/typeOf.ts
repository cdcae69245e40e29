import { AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW } from "@ocimount/mount-flags";
import { S_IFMT } from "@ocimount/mount-flags/linux";
import type { Syscalls } from "../sys/Syscalls.ts";

/** The S_IFMT type of an O_PATH fd, by statx of the fd itself; closes the fd if statx fails. */
export function typeOf(sys: Syscalls, fd: number): number {
  try {
    return sys.statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW).mode & S_IFMT;
  } catch (error) {
    sys.close(fd);
    throw error;
  }
}
