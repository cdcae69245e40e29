import {
  AT_EMPTY_PATH,
  AT_RECURSIVE,
  MOUNT_ATTR_RDONLY,
  MOVE_MOUNT_F_EMPTY_PATH,
  MOVE_MOUNT_T_EMPTY_PATH,
  MS_BIND,
  MS_RDONLY,
  MS_REC,
  MS_REMOUNT,
  OPEN_TREE_CLOEXEC,
  OPEN_TREE_CLONE,
} from "@ocimount/mount-flags";
import { AT_FDCWD, O_CLOEXEC, O_DIRECTORY, O_PATH } from "@ocimount/mount-flags/linux";
import type { RootfsBindStep, RootPropagationStep, RootReadonlyStep } from "../../plan/types.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { applyPropagation } from "../attrs/applyPropagation.ts";
import { currentMsFlags } from "../attrs/lockedFlags.ts";
import { procFd } from "../procFd.ts";
import { addExpectation, recordMount } from "../readback/recordMount.ts";

/**
 * `root.path`: binds the rootfs onto itself recursively, so it is a mount point (root.readonly
 * and rootfsPropagation need one) and every later mount lands under one mount that teardown can
 * detach at once. The open_tree fd, now attached, becomes `ctx.rootFd`: in-root lookups from it
 * cross into the mounts setup makes. Setup closes it.
 */
export function applyRootfsBind(ctx: ApplyContext, step: RootfsBindStep): void {
  const { sys } = ctx;
  const target = sys.openat(AT_FDCWD, ctx.rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  try {
    if (ctx.forceMountFallback) {
      sys.mount(procFd(target), procFd(target), null, MS_BIND | MS_REC, null);
      ctx.rootFd = sys.openat(AT_FDCWD, ctx.rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
    } else {
      const tree = sys.openTree(
        target,
        "",
        OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE,
      );
      ctx.rootFd = tree;
      sys.moveMount(tree, "", target, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
    }
    recordMount(ctx, step.why, "/", ctx.rootFd, true, { on: [], off: [] });
  } finally {
    sys.close(target);
  }
}

/** `root.readonly`: the self-bind made read-only, not recursively (binds inside keep their flags). */
export function applyRootReadonly(ctx: ApplyContext, step: RootReadonlyStep): void {
  const { sys } = ctx;
  if (ctx.forceMountFallback) {
    const keep = currentMsFlags(sys, ctx.rootFd);
    sys.mount(null, procFd(ctx.rootFd), null, MS_REMOUNT | MS_BIND | MS_RDONLY | keep, null);
  } else {
    sys.mountSetattr(ctx.rootFd, "", AT_EMPTY_PATH, { attrSet: MOUNT_ATTR_RDONLY, attrClr: 0 });
  }
  addExpectation(ctx, step.why, rootMountId(ctx), { on: ["ro"], off: [] });
}

/** `linux.rootfsPropagation` on the self-bind (AT_RECURSIVE for the `r` forms). */
export function applyRootPropagation(ctx: ApplyContext, step: RootPropagationStep): void {
  const propagation = applyPropagation(ctx, ctx.rootFd, [step.propagation]);
  addExpectation(ctx, step.why, rootMountId(ctx), { on: [], off: [], propagation });
}

function rootMountId(ctx: ApplyContext): number {
  return ctx.applied.find((m) => m.why === "root.path")?.mountId ?? 0;
}
