import type { Stats } from "node:fs";
import { lstat, readlink, realpath } from "node:fs/promises";
import { canonicalRoot } from "./canonicalRoot.ts";
import { toResolveError } from "./toResolveError.ts";
import { Walk } from "./Walk.ts";

/**
 * Resolves `unsafePath` as if `root` were `/` and returns the host path it leads to, exactly as
 * {@link resolveInRootSync} does (same rules, same errors), with asynchronous `lstat`/`readlink`.
 * Each component costs a trip through the thread pool, so prefer the sync variant in hot loops.
 *
 * The answer is a string, so it is only good while the tree stays still: anyone who can write in
 * the root can swap a directory for a symlink right after this returns. Use it for planning and
 * display; to act on a path, open it with the fd-based in-root opener of `@ocimount/mounter`.
 *
 * @throws {ResolveError} `ELOOP` after 40 symlinks; `ENOENT` for an empty symlink target or a
 *   missing root; `ENOTDIR` when the root is not a directory; `EINVAL` for a NUL byte; `EACCES`,
 *   `ENAMETOOLONG` or `EIO` when an lstat or readlink fails otherwise.
 */
export async function resolveInRoot(root: string, unsafePath: string): Promise<string> {
  const walk = new Walk(await canonicalRoot(root, unsafePath), unsafePath, root);
  for (let host = walk.next(); host !== undefined; host = walk.next()) {
    if (walk.probing) {
      walk.probed(await realpath(host).catch(() => undefined));
      continue;
    }
    const stats = await lstatOrMissing(host, root, unsafePath);
    if (stats === undefined) walk.found("missing");
    else if (stats.isSymbolicLink()) walk.follow(await readTarget(host, root, unsafePath));
    else walk.found(stats.isDirectory() ? "directory" : "other");
  }
  return walk.result();
}

async function lstatOrMissing(
  host: string,
  root: string,
  path: string,
): Promise<Stats | undefined> {
  try {
    return await lstat(host);
  } catch (error) {
    // ENOTDIR: a parent was swapped under us (a still tree never gets here); a missing entry.
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw toResolveError(error, root, path, host);
  }
}

async function readTarget(host: string, root: string, path: string): Promise<string> {
  try {
    return await readlink(host);
  } catch (error) {
    throw toResolveError(error, root, path, host);
  }
}
