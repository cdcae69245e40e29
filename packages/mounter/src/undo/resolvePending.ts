import { AT_FDCWD, O_CLOEXEC, O_DIRECTORY, O_PATH } from "@ocimount/mount-flags/linux";
import { openInRoot } from "../inroot/openInRoot.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { MountIdentity } from "./MountIdentity.ts";
import type { UndoSet } from "./UndoSet.ts";

/**
 * `set` with each pending attach placed where its step's mount went: a step announces its place
 * as written (`/link/x` joined to the rootfs), before it resolves it inside the root, so a
 * destination through a symlink in the rootfs (`/link -> real`) mounted at `/real/x`. When no
 * live mount of `live` is at the announced place, the step's in-root target is resolved now the
 * way the step did (inside the root, from the rootfs's top mount, never out of it) and the
 * pending attach moved to the place found. The ownership rules still decide whether a mount
 * there is the step's. The announced place is kept when nothing resolves.
 */
export function resolvePending(
  sys: Syscalls,
  set: UndoSet,
  live: readonly MountIdentity[],
): UndoSet {
  const unplaced = set.pending.filter(
    (p) => p.target !== undefined && p.target !== "/" && !live.some((m) => m.at === p.at),
  );
  if (unplaced.length === 0) return set;
  let rootFd: number;
  try {
    rootFd = sys.openat(AT_FDCWD, set.rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  } catch {
    return set;
  }
  try {
    const pending = set.pending.map((p) => {
      if (!unplaced.includes(p)) return p;
      const at = placeInRoot(sys, rootFd, p.target as string);
      return at === undefined || at === p.at ? p : { ...p, at };
    });
    return { ...set, pending };
  } finally {
    sys.close(rootFd);
  }
}

/** The path an in-root target resolves to now, as mountinfo would show it; undefined if none. */
function placeInRoot(sys: Syscalls, rootFd: number, target: string): string | undefined {
  let fd: number;
  try {
    fd = openInRoot(sys, rootFd, target);
  } catch {
    return undefined;
  }
  try {
    return sys.fdPath(fd);
  } catch {
    return undefined;
  } finally {
    sys.close(fd);
  }
}
