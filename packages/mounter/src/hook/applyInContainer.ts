import { readFileSync, realpathSync } from "node:fs";
import { parseMountInfo } from "@ocimount/mount-flags";
import type { ApplyContext } from "../apply/ApplyContext.ts";
import { applyStep } from "../apply/applyStep.ts";
import { asMountError } from "../apply/asMountError.ts";
import { verifyMounts } from "../apply/verifyMounts.ts";
import { TeardownError } from "../errors.ts";
import type { SetupPlan } from "../plan/types.ts";
import { AT_FDCWD, O_CLOEXEC, O_DIRECTORY, O_PATH } from "../sys/constants.ts";
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
  const mountIds = () =>
    parseMountInfo(readFileSync("/proc/thread-self/mountinfo", "utf8")).map((m) => m.mountId);
  const before = new Set(mountIds());
  ctx.rootFd = sys.openat(AT_FDCWD, plan.rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  try {
    for (const step of plan.steps) {
      try {
        applyStep(ctx, step);
      } catch (err) {
        throw asMountError(err, step.why, {
          source: "source" in step ? step.source : undefined,
          target: step.target.hostPath,
        });
      }
    }
    const mountinfo = parseMountInfo(readFileSync("/proc/thread-self/mountinfo", "utf8"));
    verifyMounts(ctx.expectations, mountinfo);
  } catch (err) {
    const error = asMountError(err, "hook");
    const undo = {
      bundleDir: plan.bundleDir,
      rootfs: realRootfs(plan.rootfs),
      before,
      applied: ctx.applied,
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

/** The root's real path as mountinfo shows it (symlinks in the bundle path resolved). */
function realRootfs(rootfs: string): string {
  try {
    return realpathSync(rootfs);
  } catch {
    return rootfs;
  }
}
