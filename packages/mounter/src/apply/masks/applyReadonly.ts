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
import { openInRoot } from "../../inroot/openInRoot.ts";
import type { ReadonlyStep } from "../../plan/types.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { currentMsFlags } from "../attrs/lockedFlags.ts";
import { openExisting } from "../mountpoint/openExisting.ts";
import { procFd } from "../procFd.ts";
import { recordMount } from "../readback/recordMount.ts";

/**
 * `linux.readonlyPaths[i]`: a recursive bind of the path onto itself, made read-only (its other
 * flags kept). A path that does not exist is skipped.
 */
export function applyReadonly(ctx: ApplyContext, step: ReadonlyStep): void {
  const { sys } = ctx;
  const target = openExisting(ctx, step.target.path);
  if (target < 0) return;
  let tree = -1;
  try {
    if (ctx.forceMountFallback) {
      readonlyFallback(ctx, step, target);
      return;
    }
    tree = sys.openTree(
      target,
      "",
      OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE,
    );
    sys.mountSetattr(tree, "", AT_EMPTY_PATH, { attrSet: MOUNT_ATTR_RDONLY, attrClr: 0 });
    sys.moveMount(tree, "", target, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
    recordMount(ctx, step.why, step.target.path, tree, true, { on: ["ro"], off: [] });
  } finally {
    if (tree >= 0) sys.close(tree);
    sys.close(target);
  }
}

function readonlyFallback(ctx: ApplyContext, step: ReadonlyStep, target: number): void {
  const { sys } = ctx;
  sys.mount(procFd(target), procFd(target), null, MS_BIND | MS_REC, null);
  const mounted = openInRoot(sys, ctx.rootFd, step.target.path, {
    forceFallback: ctx.forceResolverWalk,
  });
  try {
    const keep = currentMsFlags(sys, mounted);
    sys.mount(null, procFd(mounted), null, MS_REMOUNT | MS_BIND | MS_RDONLY | keep, null);
    recordMount(ctx, step.why, step.target.path, mounted, true, { on: ["ro"], off: [] });
  } finally {
    sys.close(mounted);
  }
}
