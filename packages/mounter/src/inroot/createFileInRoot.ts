import { S_IFDIR } from "@ocimount/mount-flags/linux";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { CreatedInRoot } from "./mkdirAllInRoot.ts";
import { openat2InRoot } from "./openat2InRoot.ts";
import { typeOf } from "./typeOf.ts";
import { walkInRoot } from "./walkInRoot.ts";

/**
 * Makes sure a file mountpoint exists at `unsafePath` inside the root and returns an O_PATH fd
 * of it: an existing non-directory (after following links inside the root) is used as it is;
 * otherwise the missing parent directories are created like mkdirAllInRoot and the file with
 * openat(O_CREAT|O_EXCL|O_NOFOLLOW, mode) relative to its parent's fd, then reopened O_PATH. A
 * dangling link is resolved first: the file is created at its target, inside the root.
 *
 * @throws {InRootError} EISDIR when the path is a directory, ENOTDIR for a non-directory
 *   parent, EEXIST when a racer put a directory or link where we made the file, ELOOP, ...
 */
export function createFileInRoot(
  sys: Syscalls,
  rootFd: number,
  unsafePath: string,
  mode: number,
  opts: { forceFallback?: boolean } = {},
): CreatedInRoot {
  if (!opts.forceFallback) {
    const fd = openat2InRoot(sys, rootFd, unsafePath, 0);
    if (typeof fd === "number") {
      if (typeOf(sys, fd) !== S_IFDIR) return { fd, created: [] };
      sys.close(fd); // a directory: the walk below reports EISDIR with the component
    }
  }
  return walkInRoot(sys, rootFd, unsafePath, {
    op: "createFileInRoot",
    flags: 0,
    create: { kind: "file", mode },
  });
}
