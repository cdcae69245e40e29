import { readlinkSync } from "node:fs";

/**
 * The path the kernel currently gives for `fd` (readlink of /proc/thread-self/fd/N), for
 * display and for checking where an fd really points. It is a snapshot: the file may be
 * renamed right after, and a deleted file reads with a ` (deleted)` suffix. Never reopen it
 * by this string to act on the file; use the fd.
 *
 * @throws the node:fs error (ENOENT for a closed fd; procfs must be mounted).
 */
export function fdPath(fd: number): string {
  return readlinkSync(`/proc/thread-self/fd/${fd}`);
}
