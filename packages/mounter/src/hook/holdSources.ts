import { AT_RECURSIVE, OPEN_TREE_CLOEXEC, OPEN_TREE_CLONE } from "@ocimount/mount-flags";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import { asMountError } from "../apply/asMountError.ts";
import type { SetupPlan } from "../plan/types.ts";
import type { Syscalls } from "../sys/Syscalls.ts";

/** Detached copies of the plan's bind sources, made in the runtime's mount namespace. */
export interface HeldSources {
  /** Hands over (once) the tree held for `source`, recursive or not; undefined if none is left. */
  take(source: string, recursive: boolean): number | undefined;
  /** Closes every tree not taken. Never throws. */
  close(): void;
}

/**
 * open_tree(OPEN_TREE_CLONE[|AT_RECURSIVE]) of every bind source of `plan`, in the caller's
 * mount namespace, before it enters the container's: a detached tree can be attached in any
 * mount namespace, but open_tree only clones mounts of the caller's own (EINVAL otherwise),
 * and host paths mean nothing inside the container. One tree per bind step, in step order.
 * Throws `MountError` naming the step (`mounts[2]: open_tree /src: ENOENT`), after closing what
 * it opened.
 */
export function holdSources(sys: Syscalls, plan: SetupPlan): HeldSources {
  const held = new Map<string, number[]>();
  const key = (source: string, recursive: boolean) => `${recursive ? "r" : "-"}${source}`;
  const close = () => {
    for (const fds of held.values()) for (const fd of fds.splice(0)) closeQuietly(sys, fd);
  };
  try {
    for (const step of plan.steps) {
      if (step.kind !== "bind") continue;
      const flags = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | (step.recursive ? AT_RECURSIVE : 0);
      let fd: number;
      try {
        fd = sys.openTree(AT_FDCWD, step.source, flags);
      } catch (err) {
        throw asMountError(err, step.why, { source: step.source, target: step.target.hostPath });
      }
      const k = key(step.source, step.recursive);
      held.set(k, [...(held.get(k) ?? []), fd]);
    }
  } catch (err) {
    close();
    throw err;
  }
  return { take: (source, recursive) => held.get(key(source, recursive))?.shift(), close };
}

function closeQuietly(sys: Syscalls, fd: number): void {
  try {
    sys.close(fd);
  } catch {}
}
