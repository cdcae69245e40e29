import { ERRNO } from "@ocimount/mount-flags/errors";
import {
  O_CREAT,
  O_DIRECTORY,
  O_EXCL,
  O_NOFOLLOW,
  O_PATH,
  O_RDONLY,
  S_IFDIR,
  S_IFLNK,
} from "@ocimount/mount-flags/linux";
import { SyscallError } from "../sys/SyscallError.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { InRootError } from "./InRootError.ts";
import { typeOf } from "./typeOf.ts";

const { EEXIST, ENOTDIR } = ERRNO;

/**
 * Creates `name` below `dirFd` as a directory (mkdirat) or an empty file
 * (openat O_CREAT|O_EXCL|O_NOFOLLOW) and reopens it O_PATH|O_NOFOLLOW. When a racing creator
 * got there first (EEXIST), the name is reopened without following it and must be of the kind
 * asked for; a symlink or anything else is EEXIST. Returns the fd, its type and whether this
 * call created it.
 */
export function createMissing(
  sys: Syscalls,
  dirFd: number,
  name: string,
  kind: "dir" | "file",
  mode: number,
  fail: (errno: number, name?: string, cause?: unknown) => InRootError,
): { fd: number; type: number; created: boolean } {
  let created = true;
  try {
    if (kind === "dir") sys.mkdirat(dirFd, name, mode);
    else sys.close(sys.openat(dirFd, name, O_CREAT | O_EXCL | O_NOFOLLOW | O_RDONLY, mode));
  } catch (error) {
    if (!(error instanceof SyscallError)) throw error;
    if (error.errno !== EEXIST) throw fail(error.errno, name, error);
    created = false;
  }
  try {
    if (kind === "dir") {
      return {
        fd: sys.openat(dirFd, name, O_PATH | O_NOFOLLOW | O_DIRECTORY),
        type: S_IFDIR,
        created,
      };
    }
    const fd = sys.openat(dirFd, name, O_PATH | O_NOFOLLOW);
    const type = typeOf(sys, fd);
    if (type === S_IFLNK || type === S_IFDIR) {
      sys.close(fd);
      throw fail(EEXIST, name);
    }
    return { fd, type, created };
  } catch (error) {
    if (!(error instanceof SyscallError)) throw error;
    throw fail(error.errno === ENOTDIR ? EEXIST : error.errno, name, error);
  }
}
