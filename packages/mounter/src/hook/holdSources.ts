import { AT_RECURSIVE, OPEN_TREE_CLOEXEC, OPEN_TREE_CLONE } from "@ocimount/mount-flags";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import { asMountError } from "../apply/asMountError.ts";
import { MountError } from "../errors.ts";
import type { BindSources } from "../execute/BindSources.ts";
import type { SetupPlan, Step } from "../plan/types.ts";
import type { Syscalls } from "../sys/Syscalls.ts";

/** The host path a step may bind: a bind's source, a cgroup2 mount's `orBind` fallback. */
function bindSource(step: Step): { source: string; recursive: boolean } | undefined {
  if (step.kind === "bind") return step;
  if (step.kind === "new-fs" && step.orBind !== undefined) {
    return { source: step.orBind, recursive: false };
  }
  return undefined;
}

/**
 * The hook's bind sources: open_tree(OPEN_TREE_CLONE[|AT_RECURSIVE]) of every host path the
 * plan may bind, made in the caller's mount namespace before it enters the container's. A
 * detached tree can be attached in any mount namespace, but open_tree only clones mounts of the
 * caller's own (EINVAL otherwise), and host paths mean nothing inside the container, so there
 * is no mount(2) form. Each step takes its own tree once (by `why`); a step with none held is
 * `MountError` `EINVALID`. Throws `MountError` naming the step (`mounts[2]: open_tree /src:
 * ENOENT`), after closing what it opened.
 */
export function holdSources(sys: Syscalls, plan: SetupPlan): BindSources {
  const held = new Map<string, number>();
  const close = () => {
    for (const fd of held.values()) closeQuietly(sys, fd);
    held.clear();
  };
  try {
    for (const step of plan.steps) {
      const bind = bindSource(step);
      if (bind === undefined) continue;
      const flags = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | (bind.recursive ? AT_RECURSIVE : 0);
      try {
        held.set(step.why, sys.openTree(AT_FDCWD, bind.source, flags));
      } catch (err) {
        throw asMountError(err, step.why, { source: bind.source, target: step.target.hostPath });
      }
    }
  } catch (err) {
    close();
    throw err;
  }
  return {
    open(step) {
      const fd = held.get(step.why);
      if (fd === undefined) {
        throw new MountError({
          code: "EINVALID",
          op: "open_tree",
          where: step.why,
          source: step.source,
          detail: "source not opened before entering the container's mount namespace",
        });
      }
      held.delete(step.why);
      return { fd, tree: true };
    },
    close,
  };
}

function closeQuietly(sys: Syscalls, fd: number): void {
  try {
    sys.close(fd);
  } catch {}
}
