import { AT_RECURSIVE } from "@ocimount/mount-flags";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import { MountError } from "../errors.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { HeldSources } from "./holdSources.ts";

/**
 * `sys`, except that `openTree(AT_FDCWD, source, ...)` (how the executor opens a bind source)
 * hands over the tree `held` took before entering the container's mount namespace, instead of
 * resolving a host path in the wrong namespace. An AT_FDCWD open_tree with nothing held throws
 * `MountError` `EINVALID` rather than look the path up here. Every other call goes to `sys`.
 * The executor closes what it is given, as it would its own open_tree fd.
 */
export function servingHeldSources(sys: Syscalls, held: HeldSources): Syscalls {
  return {
    ...sys,
    openTree(dirfd, path, flags) {
      if (dirfd !== AT_FDCWD) return sys.openTree(dirfd, path, flags);
      const fd = held.take(path, (flags & AT_RECURSIVE) !== 0);
      if (fd !== undefined) return fd;
      throw new MountError({
        code: "EINVALID",
        op: "open_tree",
        source: path,
        detail: "source not opened before entering the container's mount namespace",
      });
    },
  };
}
