import { realpathSync } from "node:fs";
import { posix } from "node:path";
import { parseMountInfo } from "@ocimount/mount-flags";
import { AT_FDCWD, O_CLOEXEC, O_DIRECTORY, O_PATH } from "@ocimount/mount-flags/linux";
import type { ApplyContext } from "../apply/ApplyContext.ts";
import { applyStep, attaches } from "../apply/applyStep.ts";
import { asMountError } from "../apply/asMountError.ts";
import { verifyMounts } from "../apply/verifyMounts.ts";
import { TeardownError } from "../errors.ts";
import type { SetupPlan } from "../plan/types.ts";
import { identifyAt } from "../undo/MountIdentity.ts";
import type { PendingAttach } from "../undo/UndoSet.ts";
import { rollBackHook } from "./rollBackHook.ts";

/**
 * Applies `plan` with the mounter's step executors, in the mount namespace this thread is in
 * (the container's), onto the root opened there, then reads every mount back from mountinfo.
 * `ctx.created` collects the mountpoints made. On any failure it undoes everything the hook did
 * (`rollBackHook`) and throws the `MountError` naming the step, with `rollback` set if undoing
 * failed too. Closes the root fd it opens.
 */
export function applyInContainer(ctx: ApplyContext, plan: SetupPlan, created: string[]): void {
  const { sys } = ctx;
  const rootfs = realRootfs(plan.rootfs);
  const base = identifyAt(sys, AT_FDCWD, rootfs, 0);
  // The highest 64-bit ID at the start: a mount newer than it, at a step's place, is that step's.
  let after = base.unique ? Math.max(base.unique, ...highestBelow(sys, base.unique)) : 0;
  // Without 64-bit IDs, the mounts there before the hook began are what its steps are not.
  const existing = base.unique ? undefined : parseMountInfo(sys.mountInfo()).map((m) => m.mountId);
  const pending: PendingAttach[] = [];
  ctx.rootFd = sys.openat(AT_FDCWD, plan.rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  try {
    for (const step of plan.steps) {
      try {
        for (const m of ctx.applied.slice(-1))
          for (const id of [m.identity, ...m.below]) if (id.unique > after) after = id.unique;
        pending.length = 0;
        if (attaches(step)) {
          const at = step.target.path === "/" ? rootfs : posix.join(rootfs, step.target.path);
          pending.push({
            why: step.why,
            at,
            after,
            parent: base,
            anyParent: true,
            ...(existing ? { existing } : {}),
          });
        }
        const count = ctx.applied.length;
        applyStep(ctx, step);
        if (ctx.applied.length > count) pending.length = 0;
      } catch (err) {
        throw asMountError(err, step.why, {
          source: "source" in step ? step.source : undefined,
          target: step.target.hostPath,
        });
      }
    }
    const mountinfo = parseMountInfo(sys.mountInfo());
    verifyMounts(ctx.expectations, mountinfo);
  } catch (err) {
    const error = asMountError(err, "hook");
    const undo = {
      bundleDir: plan.bundleDir,
      rootfs,
      proof: base.unique ? ("unique" as const) : ("place" as const),
      base,
      applied: ctx.applied,
      pending,
      created,
    };
    const failures = rollBackHook(sys, undo);
    if (failures.length) error.rollback = new TeardownError(plan.bundleDir, failures);
    throw error;
  } finally {
    sys.close(ctx.rootFd);
    ctx.rootFd = -1;
  }
}

/** The 64-bit IDs of every mount below `unique` (empty when listmount is refused). */
function highestBelow(sys: ApplyContext["sys"], unique: number): number[] {
  try {
    return sys.listmount(unique);
  } catch {
    return [];
  }
}

/** The root's real path as mountinfo shows it (symlinks in the bundle path resolved). */
function realRootfs(rootfs: string): string {
  try {
    return realpathSync(rootfs);
  } catch {
    return rootfs;
  }
}
