import {
  AT_EMPTY_PATH,
  MOVE_MOUNT_F_EMPTY_PATH,
  MOVE_MOUNT_T_EMPTY_PATH,
} from "@ocimount/mount-flags";
import type { BindStep } from "../../plan/types.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { applyPropagation } from "../attrs/applyPropagation.ts";
import { applyRecursiveAttr } from "../attrs/applyRecursiveAttr.ts";
import {
  bindRemountAttr,
  composeAttr,
  expectFromAttr,
  NO_ATTR_CHANGE,
} from "../attrs/attrChange.ts";
import { keepLockedFlags, sourceStFlags } from "../attrs/lockedFlags.ts";
import { fileKind } from "../mountpoint/fileKind.ts";
import { prepareMountpoint } from "../mountpoint/prepareMountpoint.ts";
import { recordMount } from "../readback/recordMount.ts";
import { applyBindFallback } from "./applyBindFallback.ts";
import { applyIdmap } from "./applyIdmap.ts";

/**
 * `mounts[i]` bind/rbind: the source's detached tree (open_tree(OPEN_TREE_CLONE[|AT_RECURSIVE]),
 * from `ctx.sources`), the mount(8) flags then the `r*` attributes set on the detached copy
 * (nobody sees it half-made; the `r*` ones win on the top mount: `["rbind", "rro", "nosuid"]`
 * is ro,nosuid), idmap, then move_mount onto the mountpoint fd, then propagation. A source opened as an O_PATH fd (no
 * open_tree, or the mount-API switch off) goes to `applyBindFallback`.
 */
export function applyBind(ctx: ApplyContext, step: BindStep): void {
  const opened = ctx.sources.open(step);
  if (!opened.tree) {
    applyBindFallback(ctx, step, opened.fd);
    return;
  }
  const tree = opened.fd;
  let target = -1;
  try {
    // The source's type is only needed to create a missing mountpoint of the same kind.
    const kind = () => fileKind(ctx.sys.statx(tree, "", AT_EMPTY_PATH).mode);
    const mountpoint = prepareMountpoint(ctx, step.why, step.target.path, kind);
    target = mountpoint.fd;
    const sourceFlags = sourceStFlags(ctx, tree);
    const remount = bindRemountAttr(step.options.flags);
    const perMount = remount
      ? keepLockedFlags(ctx, sourceFlags, remount, step.why)
      : NO_ATTR_CHANGE;
    if (remount) ctx.sys.mountSetattr(tree, "", AT_EMPTY_PATH, perMount);
    // The r* options go second, so on this mount they win over their per-mount twins.
    const rAttr = applyRecursiveAttr(ctx, tree, step.options, step.why, sourceFlags);
    applyIdmap(ctx, tree, step.options, step.why);
    ctx.sys.moveMount(tree, "", target, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
    const propagation = applyPropagation(ctx, tree, step.options.propagation);
    const { on, off } = expectFromAttr(composeAttr(perMount, rAttr));
    recordMount(ctx, step.why, step.target.path, tree, step.recursive, { on, off, propagation });
  } finally {
    if (target >= 0) ctx.sys.close(target);
    ctx.sys.close(tree);
  }
}
