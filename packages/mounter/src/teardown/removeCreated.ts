import { fstatSync } from "node:fs";
import { posix } from "node:path";
import { AT_SYMLINK_NOFOLLOW } from "@ocimount/mount-flags";
import {
  AT_FDCWD,
  AT_REMOVEDIR,
  O_CLOEXEC,
  O_DIRECTORY,
  O_NOFOLLOW,
  O_NONBLOCK,
  O_PATH,
  O_RDONLY,
  S_IFDIR,
  S_IFMT,
  S_IFREG,
} from "@ocimount/mount-flags/linux";
import { asMountError, errorCode } from "../apply/asMountError.ts";
import { openInRoot } from "../inroot/openInRoot.ts";
import type { Syscalls } from "../sys/Syscalls.ts";

const GONE = new Set(["ENOENT", "ENOTEMPTY", "EBUSY", "EEXIST"]);
const OUT_OF_FDS = new Set(["EMFILE", "ENFILE"]);
/** How many removed directories' fds are held at most, and how many are closed at EMFILE. */
const HELD_MAX = 8192;
const HEADROOM = 64;

/** The fds of removed directories, kept until the caller closes them; `open` while it takes more. */
interface Holder {
  held: number[];
  open: boolean;
}

/**
 * Removes the mountpoints setup created (in-root paths), newest first, when they are still
 * empty: directories with rmdir semantics, files only when of size 0. Everything is reached
 * from an fd on the rootfs (parent opened in-root, then unlinkat), so a symlink planted since
 * cannot redirect the removal. Paths already gone or no longer empty are left alone, quietly.
 *
 * With `held`, each directory is opened (`O_PATH|O_NOFOLLOW`, from the same parent fd) just
 * before its rmdir and the fd pushed onto `held`: the directory is unlinked at once, but its
 * inode is freed only when the caller closes the fd, which it can do for all of them at once
 * (`Syscalls.closeInParallel`). Where freeing waits for the disk (a synchronous discard per
 * directory, docs/KERNEL.md item 19) this turns one wait per directory, in turn, into
 * overlapping ones. It changes nothing of what is removed; a directory it cannot open is
 * removed without an fd. At most `HELD_MAX` (8192) fds are held; when the process runs out of
 * fds (EMFILE, ENFILE) it closes the last 64 held ones at once and holds no more, so the in-root
 * opens of the paths after it still have fds.
 */
export function removeCreated(
  sys: Syscalls,
  rootfs: string,
  created: readonly string[],
  held?: number[],
): { removed: string[]; errors: Error[] } {
  const removed: string[] = [];
  const errors: Error[] = [];
  if (!created.length) return { removed, errors };
  const rootFd = sys.openat(AT_FDCWD, rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  const holder: Holder | undefined = held && { held, open: true };
  try {
    for (const path of [...created].reverse()) {
      let parent = -1;
      try {
        parent = openInRoot(sys, rootFd, posix.dirname(path));
        const name = posix.basename(path);
        const type = sys.statx(parent, name, AT_SYMLINK_NOFOLLOW).mode & S_IFMT;
        if (type === S_IFDIR) removeDirectory(sys, parent, name, holder);
        else if (type === S_IFREG && isEmptyFile(sys, parent, name)) sys.unlinkat(parent, name, 0);
        else continue;
        removed.push(path);
      } catch (err) {
        if (!GONE.has(errorCode(err) ?? ""))
          errors.push(asMountError(err, "teardown", { target: path }));
      } finally {
        if (parent >= 0) sys.close(parent);
      }
    }
  } finally {
    sys.close(rootFd);
  }
  return { removed, errors };
}

/** rmdir of `name`, keeping an fd on it in the holder (while open) so its inode outlives the call. */
function removeDirectory(sys: Syscalls, parent: number, name: string, holder?: Holder): void {
  let fd = -1;
  if (holder?.open) {
    try {
      fd = sys.openat(parent, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    } catch (err) {
      // Not a directory any more or gone: the rmdir below says what it is. Out of fds: give
      // some back, so the next paths' in-root opens have fds, and hold no more.
      if (OUT_OF_FDS.has(errorCode(err) ?? "")) stopHolding(sys, holder, HEADROOM);
    }
  }
  try {
    sys.unlinkat(parent, name, AT_REMOVEDIR);
  } catch (err) {
    if (fd >= 0) sys.close(fd);
    throw err;
  }
  if (fd < 0 || !holder) return;
  holder.held.push(fd);
  if (holder.held.length >= HELD_MAX) holder.open = false;
}

/** Holds no more fds, and closes the last `count` held (their directories are freed now, in turn). */
function stopHolding(sys: Syscalls, holder: Holder, count: number): void {
  holder.open = false;
  for (const fd of holder.held.splice(-count)) {
    try {
      sys.close(fd);
    } catch {
      // An fd of ours that will not close is no removal's failure: the directory is gone.
    }
  }
}

function isEmptyFile(sys: Syscalls, parent: number, name: string): boolean {
  const fd = sys.openat(parent, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  try {
    return fstatSync(fd).size === 0;
  } finally {
    sys.close(fd);
  }
}
