import { posix } from "node:path";

/** Absolute, no empty, `.` or `..` component, no trailing slash (`/` itself is clean). */
const CLEAN = /^(?:\/(?!\.{1,2}(?:\/|$))[^/]+)+$|^\/$/;

/**
 * The lexically clean absolute in-root form of a spec path: relative (deprecated) paths are
 * taken relative to `/`, `.` and `..` are folded as at the root (never above it). Symlinks are
 * not looked at: the executor resolves the result in-root with fds.
 */
export function cleanInRootPath(unsafePath: string): string {
  // Most spec paths are already clean (`/proc/sys`): no normalizing for those.
  if (CLEAN.test(unsafePath)) return unsafePath;
  return posix.normalize(posix.join("/", unsafePath)).replace(/(.)\/$/, "$1");
}
