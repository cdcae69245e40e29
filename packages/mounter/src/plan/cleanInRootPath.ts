import { posix } from "node:path";

/**
 * The lexically clean absolute in-root form of a spec path: relative (deprecated) paths are
 * taken relative to `/`, `.` and `..` are folded as at the root (never above it). Symlinks are
 * not looked at: the executor resolves the result in-root with fds.
 */
export function cleanInRootPath(unsafePath: string): string {
  return posix.normalize(posix.join("/", unsafePath)).replace(/(.)\/$/, "$1");
}
