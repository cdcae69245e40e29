import { ERRNO } from "@ocimount/mount-flags/errors";
import { O_DIRECTORY, O_NOFOLLOW } from "@ocimount/mount-flags/linux";
import type { Syscalls } from "../sys/Syscalls.ts";
import { InRootError } from "./InRootError.ts";
import { openat2InRoot } from "./openat2InRoot.ts";
import { walkInRoot } from "./walkInRoot.ts";

const { EINVAL } = ERRNO;

/** Options of {@link openInRoot}. */
export interface OpenInRootOptions {
  /** Skip openat2 and use the O_NOFOLLOW component walk (tests; kernels before 5.6 do it anyway). */
  forceFallback?: boolean;
  /** Extra open flags: O_NOFOLLOW (return a trailing symlink itself), O_DIRECTORY. Nothing else. */
  flags?: number;
}

/**
 * Opens `unsafePath` as if `rootFd` were `/` and returns an O_PATH|O_CLOEXEC fd that the caller
 * closes. `..` and absolute symlinks stay inside the root; the kernel enforces it with openat2
 * RESOLVE_IN_ROOT|RESOLVE_NO_MAGICLINKS (Linux 5.6), and where openat2 is missing (ENOSYS) or
 * keeps racing (EAGAIN) or `forceFallback` is set, a component walk that never lets the kernel
 * follow a link does (see walkInRoot). Either way the fd is inside the root when it is opened;
 * what happens to the tree afterwards cannot move it out, but can move the root's contents.
 * The empty path is the root. The fallback reads magic links (/proc/N/fd/M) as plain text
 * inside the root where openat2 refuses them with ELOOP.
 *
 * @throws {InRootError} with the errno name as `code` (ENOENT, ENOTDIR, ELOOP, EACCES, EINVAL
 *   for other flags...), `path`, and `component` (the in-root path where it stopped; for a
 *   failing openat2 it comes from re-walking the path and is left out if the walk disagrees).
 */
export function openInRoot(
  sys: Syscalls,
  rootFd: number,
  unsafePath: string,
  opts: OpenInRootOptions = {},
): number {
  const flags = opts.flags ?? 0;
  if (flags & ~(O_NOFOLLOW | O_DIRECTORY)) {
    throw new InRootError({ op: "openInRoot", errno: EINVAL, path: unsafePath });
  }
  const walk = () => walkInRoot(sys, rootFd, unsafePath, { op: "openInRoot", flags }).fd;
  if (opts.forceFallback) return walk();
  const result = openat2InRoot(sys, rootFd, unsafePath, flags);
  if (typeof result === "number") return result;
  if (result === undefined) return walk();
  try {
    sys.close(walk());
  } catch (error) {
    if (error instanceof InRootError && error.errno === result.errno) throw error;
  }
  throw new InRootError({ op: "openInRoot", errno: result.errno, path: unsafePath, cause: result });
}
