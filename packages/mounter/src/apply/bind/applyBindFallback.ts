import { AT_EMPTY_PATH, MS_BIND, MS_REC, MS_REMOUNT } from "@ocimount/mount-flags";
import { MountError } from "../../errors.ts";
import { openInRoot } from "../../inroot/openInRoot.ts";
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
import { currentMsFlags, sourceStFlags } from "../attrs/lockedFlags.ts";
import { fileKind } from "../mountpoint/fileKind.ts";
import { prepareMountpoint } from "../mountpoint/prepareMountpoint.ts";
import { procFd } from "../procFd.ts";
import { recordMount } from "../readback/recordMount.ts";

/**
 * The mount(2) form of `applyBind`, for kernels without open_tree: bind from the source's O_PATH
 * fd (`source`, from `ctx.sources`; closed here) onto the mountpoint fd (both as
 * /proc/thread-self/fd/N, so no path string is re-resolved), reopen the new mount in-root, then
 * `MS_REMOUNT|MS_BIND|flags` as mount(8) does.
 */
export function applyBindFallback(ctx: ApplyContext, step: BindStep, source: number): void {
  const { sys } = ctx;
  const fds = [source];
  if (step.options.idmap || step.options.recursiveIdmap) {
    sys.close(source);
    throw new MountError({
      code: "ENOTSUP",
      op: "idmap",
      where: step.why,
      detail: "idmapped mounts need open_tree and mount_setattr",
    });
  }
  try {
    const mountpoint = prepareMountpoint(ctx, step.why, step.target.path, () =>
      fileKind(sys.statx(source, "", AT_EMPTY_PATH).mode),
    );
    fds.push(mountpoint.fd);
    sys.mount(
      procFd(source),
      procFd(mountpoint.fd),
      null,
      MS_BIND | (step.recursive ? MS_REC : 0),
      null,
    );
    const mounted = openInRoot(sys, ctx.rootFd, step.target.path, {
      forceFallback: ctx.forceResolverWalk,
    });
    fds.push(mounted);
    const sourceFlags = sourceStFlags(ctx, mounted);
    const remount = bindRemountAttr(step.options.flags);
    if (remount) {
      const locked = ctx.inUserNamespace
        ? currentMsFlags(sys, mounted) & ~step.options.clearFlags
        : 0;
      sys.mount(
        null,
        procFd(mounted),
        null,
        MS_REMOUNT | MS_BIND | step.options.flags | locked,
        null,
      );
    }
    // After the per-mount remount, like applyBind: the r* options win on this mount.
    const rAttr = applyRecursiveAttr(ctx, mounted, step.options, step.why, sourceFlags);
    const propagation = applyPropagation(ctx, mounted, step.options.propagation, true);
    // In a user namespace the remount kept locked flags we cannot predict: check only the r* part.
    const perMount = remount && !ctx.inUserNamespace ? remount : NO_ATTR_CHANGE;
    const asked = expectFromAttr(composeAttr(perMount, rAttr));
    recordMount(ctx, step.why, step.target.path, mounted, step.recursive, {
      ...asked,
      propagation,
    });
  } finally {
    for (const fd of fds.reverse()) sys.close(fd);
  }
}
