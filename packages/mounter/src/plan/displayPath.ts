import { posix } from "node:path";
import { resolveInRootSync } from "@ocimount/symlink-resolver";

/**
 * The host path an in-root path resolves to today, for display. Falls back to a lexical join
 * when the string resolver refuses (a loop, a non-directory component): the executor will
 * report the real error from its fd walk.
 */
export function displayPath(rootfs: string, inRootPath: string): string {
  try {
    return resolveInRootSync(rootfs, inRootPath);
  } catch {
    return posix.join(rootfs, inRootPath);
  }
}
