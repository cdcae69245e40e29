import {
  AT_EMPTY_PATH,
  MOUNT_ATTR_RDONLY,
  MOVE_MOUNT_F_EMPTY_PATH,
  MOVE_MOUNT_T_EMPTY_PATH,
  MS_BIND,
  MS_RDONLY,
  OPEN_TREE_CLOEXEC,
  OPEN_TREE_CLONE,
} from "@ocimount/mount-flags";
import { openInRoot } from "../../inroot/openInRoot.ts";
import type { MaskStep } from "../../plan/types.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { fileKind } from "../mountpoint/fileKind.ts";
import { openExisting } from "../mountpoint/openExisting.ts";
import { createFs } from "../newfs/createFs.ts";
import { procFd } from "../procFd.ts";
import { recordMount } from "../readback/recordMount.ts";
import { openDevNull } from "./openDevNull.ts";

/**
 * `linux.maskedPaths[i]`: a directory gets an empty read-only tmpfs, anything else a bind of the
 * verified /dev/null from its fd. A path that does not exist is skipped (nothing to hide).
 */
export function applyMask(ctx: ApplyContext, step: MaskStep): void {
  const { sys } = ctx;
  const target = openExisting(ctx, step.target.path);
  if (target < 0) return;
  let mnt = -1;
  try {
    const isDir = fileKind(sys.statx(target, "", AT_EMPTY_PATH).mode) === "dir";
    if (ctx.forceMountFallback) {
      maskFallback(ctx, step, target, isDir);
      return;
    }
    mnt = isDir
      ? createFs(sys, {
          fsType: "tmpfs",
          source: "tmpfs",
          flags: MS_RDONLY,
          data: [],
          attr: MOUNT_ATTR_RDONLY,
        })
      : sys.openTree(
          openDevNull(ctx, step.why),
          "",
          OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH,
        );
    sys.moveMount(mnt, "", target, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
    recordMount(ctx, step.why, step.target.path, mnt, false, { on: isDir ? ["ro"] : [], off: [] });
  } finally {
    if (mnt >= 0) sys.close(mnt);
    sys.close(target);
  }
}

function maskFallback(ctx: ApplyContext, step: MaskStep, target: number, isDir: boolean): void {
  const { sys } = ctx;
  if (isDir) sys.mount("tmpfs", procFd(target), "tmpfs", MS_RDONLY, null);
  else sys.mount(procFd(openDevNull(ctx, step.why)), procFd(target), null, MS_BIND, null);
  const mounted = openInRoot(sys, ctx.rootFd, step.target.path, {
    forceFallback: ctx.forceResolverWalk,
  });
  try {
    recordMount(ctx, step.why, step.target.path, mounted, false, {
      on: isDir ? ["ro"] : [],
      off: [],
    });
  } finally {
    sys.close(mounted);
  }
}
