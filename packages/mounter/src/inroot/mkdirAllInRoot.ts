import { O_DIRECTORY } from "@ocimount/mount-flags/linux";
import type { Syscalls } from "../sys/Syscalls.ts";
import { openat2InRoot } from "./openat2InRoot.ts";
import { walkInRoot } from "./walkInRoot.ts";

/** What mkdirAllInRoot and createFileInRoot return. */
export interface CreatedInRoot {
  /** O_PATH|O_CLOEXEC fd of the directory or file; the caller closes it. */
  fd: number;
  /** In-root paths this call created (`/a`, `/a/b`), shallowest first, for teardown to remove. */
  created: string[];
}

/**
 * `mkdir -p` inside a root: opens `unsafePath` as a directory, creating the missing ones with
 * `mode` (less the umask), and never follows a symlink outside the root. The existing prefix is
 * resolved as the kernel would under chroot (openat2 first when the whole path exists; else the
 * O_NOFOLLOW walk); symlinks are followed inside the root, so the missing components of a
 * dangling link are created at its target. Each missing directory is made with mkdirat relative
 * to its parent's fd and reopened O_PATH|O_NOFOLLOW|O_DIRECTORY; one a racing process created
 * first is accepted only if it is a directory.
 *
 * @throws {InRootError} ENOTDIR when a component exists and is not a directory (or a link to
 *   one), EEXIST when a racer put a non-directory where we made one, ELOOP, EACCES...
 */
export function mkdirAllInRoot(
  sys: Syscalls,
  rootFd: number,
  unsafePath: string,
  mode: number,
  opts: { forceFallback?: boolean } = {},
): CreatedInRoot {
  if (!opts.forceFallback) {
    const fd = openat2InRoot(sys, rootFd, unsafePath, O_DIRECTORY);
    if (typeof fd === "number") return { fd, created: [] };
  }
  return walkInRoot(sys, rootFd, unsafePath, {
    op: "mkdirAllInRoot",
    flags: O_DIRECTORY,
    create: { kind: "dir", mode },
  });
}
