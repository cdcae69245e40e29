import {
  AT_EMPTY_PATH,
  AT_RECURSIVE,
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOVE_MOUNT_F_EMPTY_PATH,
  MOVE_MOUNT_T_EMPTY_PATH,
  MS_RDONLY,
  mountAttrFromRemountFlags,
} from "@ocimount/mount-flags";
import { MountError } from "../../errors.ts";
import { openInRoot } from "../../inroot/openInRoot.ts";
import type { NewFsStep } from "../../plan/types.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { errorCode } from "../asMountError.ts";
import { applyPropagation } from "../attrs/applyPropagation.ts";
import { type AttrChange, composeAttr, expectFromAttr } from "../attrs/attrChange.ts";
import { applyIdmap } from "../bind/applyIdmap.ts";
import { prepareMountpoint } from "../mountpoint/prepareMountpoint.ts";
import { procFd } from "../procFd.ts";
import { recordMount } from "../readback/recordMount.ts";
import { copyUp } from "./copyUp.ts";
import { createFs } from "./createFs.ts";

const PER_MOUNT =
  MOUNT_ATTR_RDONLY |
  MOUNT_ATTR_NOSUID |
  MOUNT_ATTR_NODEV |
  MOUNT_ATTR_NOEXEC |
  MOUNT_ATTR_NODIRATIME |
  MOUNT_ATTR_NOSYMFOLLOW;

/** fsmount(2) attrs as a change: every per-mount bit and the atime mode are decided by it. */
function fsmountChange(attr: number): AttrChange {
  return { attrSet: attr, attrClr: PER_MOUNT | MOUNT_ATTR__ATIME };
}

/**
 * `mounts[i]` of a new filesystem: fsopen/fsconfig/fsmount into a detached mount, tmpcopyup and
 * idmap on it, move_mount onto the directory mountpoint fd, then propagation. Falls back to
 * mount(2) with the data string when fsopen is missing (ENOSYS) or the filesystem refuses the
 * new API (EINVAL, EOPNOTSUPP).
 */
export function applyNewFs(ctx: ApplyContext, step: NewFsStep): void {
  const { sys } = ctx;
  const mountpoint = prepareMountpoint(ctx, step.why, step.target.path, "dir");
  // fsmount(2)'s attr_flags for a fresh mount: what mount(2) would give for these MS_* flags
  // (relatime unless noatime, strictatime beating both), i.e. the set half of a full remount.
  const attr = mountAttrFromRemountFlags(step.options.flags).attrSet;
  // tmpcopyup fills the new filesystem first: made writable, and made read-only once filled
  // (as runc remounts it after the copy), with the r* attributes after that.
  const roAfterCopy = step.options.tmpcopyup && (step.options.flags & MS_RDONLY) !== 0;
  let mnt = -1;
  let refused: unknown;
  try {
    if (!ctx.forceMountFallback) {
      try {
        mnt = createFs(sys, {
          fsType: step.fsType,
          source: step.source,
          flags: roAfterCopy ? step.options.flags & ~MS_RDONLY : step.options.flags,
          data: step.options.unknown,
          attr: roAfterCopy ? attr & ~MOUNT_ATTR_RDONLY : attr,
        });
      } catch (err) {
        const code = errorCode(err);
        if (code !== "ENOSYS" && code !== "EINVAL" && code !== "EOPNOTSUPP") throw err;
        refused = err;
      }
    }
    if (mnt < 0) {
      try {
        mountNewFsFallback(ctx, step, mountpoint.fd, attr);
      } catch (err) {
        // mount(2) refusing for the same reason says less: keep the kernel's own words.
        throw hasDetail(refused) && errorCode(err) === errorCode(refused) ? refused : err;
      }
      return;
    }
    if (step.options.tmpcopyup) copyUp(sys, mountpoint.fd, mnt, step.why);
    if (roAfterCopy)
      sys.mountSetattr(mnt, "", AT_EMPTY_PATH, { attrSet: MOUNT_ATTR_RDONLY, attrClr: 0 });
    const recursive = setRecursive(ctx, mnt, step);
    applyIdmap(ctx, mnt, step.options, step.why);
    sys.moveMount(mnt, "", mountpoint.fd, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
    const propagation = applyPropagation(ctx, mnt, step.options.propagation);
    const asked = expectFromAttr(composeAttr(fsmountChange(attr), recursive));
    recordMount(ctx, step.why, step.target.path, mnt, false, { ...asked, propagation });
  } finally {
    if (mnt >= 0) sys.close(mnt);
    sys.close(mountpoint.fd);
  }
}

function hasDetail(err: unknown): boolean {
  return typeof (err as { detail?: unknown } | undefined)?.detail === "string";
}

function mountNewFsFallback(
  ctx: ApplyContext,
  step: NewFsStep,
  target: number,
  attr: number,
): void {
  const { sys } = ctx;
  if (step.options.tmpcopyup || step.options.idmap || step.options.recursiveIdmap) {
    const what = step.options.tmpcopyup ? "tmpcopyup" : "idmap";
    throw new MountError({
      code: "ENOTSUP",
      op: what,
      where: step.why,
      detail: `${what} needs fsopen/fsmount (a detached mount)`,
    });
  }
  sys.mount(
    step.source ?? step.fsType,
    procFd(target),
    step.fsType,
    step.options.flags,
    step.options.data || null,
  );
  const mounted = openInRoot(sys, ctx.rootFd, step.target.path, {
    forceFallback: ctx.forceResolverWalk,
  });
  try {
    const recursive = setRecursive(ctx, mounted, step);
    const propagation = applyPropagation(ctx, mounted, step.options.propagation, true);
    const asked = expectFromAttr(composeAttr(fsmountChange(attr), recursive));
    recordMount(ctx, step.why, step.target.path, mounted, false, { ...asked, propagation });
  } finally {
    sys.close(mounted);
  }
}

/**
 * The `r*` options, after the per-mount flags (so they win on this mount). A filesystem setup
 * just made has no flags locked by a more privileged namespace: the change goes as asked.
 */
function setRecursive(ctx: ApplyContext, fd: number, step: NewFsStep): AttrChange {
  const recursive = step.options.recursive;
  if (recursive.attrSet || recursive.attrClr)
    ctx.sys.mountSetattr(fd, "", AT_EMPTY_PATH | AT_RECURSIVE, recursive);
  return recursive;
}
