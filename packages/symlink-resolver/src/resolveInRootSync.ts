import { lstatSync, readlinkSync, realpathSync, type Stats } from "node:fs";
import { canonicalRootSync } from "./canonicalRoot.ts";
import { toResolveError } from "./toResolveError.ts";
import { Walk } from "./Walk.ts";

/**
 * Resolves `unsafePath` as if `root` were `/` and returns the host path it leads to: the answer
 * the kernel gives for the same path after `chroot(root)` (or `openat2` with `RESOLVE_IN_ROOT`),
 * computed with `lstat` and `readlink` only. The result is always `root` or below it.
 *
 * - `..` is applied after following symlinks, never lexically first; `..` at the root stays there.
 * - Absolute symlink targets restart at the root, relative ones at the link's directory; the final
 *   component is followed too. Empty path, `.` and trailing slashes are the root / the directory.
 * - Components that do not exist are appended as they are (a later `..` pops them again), so a
 *   plan can show where a mountpoint will be created; the kernel would say ENOENT. Components
 *   under a non-directory (`file/x`, `file/..`, `file/`) are handled the same way, where the
 *   kernel would say ENOTDIR.
 * - `root` is trusted: it is canonicalised with realpath first.
 *
 * The answer is a string, so it is only good while the tree stays still: anyone who can write in
 * the root can swap a directory for a symlink right after this returns. Use it for planning and
 * display; to act on a path, open it with the fd-based in-root opener of `@ocimount/mounter`.
 *
 * @throws {ResolveError} `ELOOP` after 40 symlinks (the 41st is refused, like Linux's
 *   MAXSYMLINKS); `ENOENT` for a symlink with an empty target or a missing root; `ENOTDIR` when
 *   the root is not a directory; `EINVAL` for a NUL byte; `EACCES`, `ENAMETOOLONG` or `EIO` when an
 *   lstat or readlink fails otherwise.
 */
export function resolveInRootSync(root: string, unsafePath: string): string {
  const walk = new Walk(canonicalRootSync(root, unsafePath), unsafePath, root);
  runSync(walk, root, unsafePath);
  return walk.result();
}

/** Drives `walk` to the end with synchronous lstat/readlink calls. */
export function runSync(walk: Walk, root: string, unsafePath: string): void {
  for (let host = walk.next(); host !== undefined; host = walk.next()) {
    if (walk.probing) {
      walk.probed(realpathOrUndefined(host));
      continue;
    }
    let stats: Stats | undefined;
    try {
      stats = lstatSync(host, { throwIfNoEntry: false });
    } catch (error) {
      // In a still tree a child of a non-directory is never looked up, so ENOTDIR means a parent
      // was swapped under us: a missing entry as far as this lookup is concerned.
      if ((error as { code?: unknown }).code !== "ENOTDIR") {
        throw toResolveError(error, root, unsafePath, host);
      }
    }
    if (stats === undefined) walk.found("missing");
    else if (stats.isSymbolicLink()) walk.follow(readTarget(host, root, unsafePath));
    else walk.found(stats.isDirectory() ? "directory" : "other");
  }
}

function readTarget(host: string, root: string, unsafePath: string): string {
  try {
    return readlinkSync(host);
  } catch (error) {
    throw toResolveError(error, root, unsafePath, host);
  }
}

function realpathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined; // a missing or looping component: the probe proves nothing
  }
}
