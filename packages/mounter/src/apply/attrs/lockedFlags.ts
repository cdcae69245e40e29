import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_RELATIME,
  MOUNT_ATTR_STRICTATIME,
  MS_NOATIME,
  MS_NODEV,
  MS_NODIRATIME,
  MS_NOEXEC,
  MS_NOSUID,
  MS_RDONLY,
  MS_RELATIME,
  MS_STRICTATIME,
} from "@ocimount/mount-flags";
import {
  ST_NOATIME,
  ST_NODEV,
  ST_NODIRATIME,
  ST_NOEXEC,
  ST_NOSUID,
  ST_RDONLY,
  ST_RELATIME,
} from "@ocimount/mount-flags/linux";
import { stepWarning } from "../../plan/stepWarning.ts";
import type { Syscalls } from "../../sys/Syscalls.ts";
import type { ApplyContext } from "../ApplyContext.ts";

const ST: ReadonlyArray<readonly [st: number, attr: number, word: string]> = [
  [ST_RDONLY, MOUNT_ATTR_RDONLY, "ro"],
  [ST_NOSUID, MOUNT_ATTR_NOSUID, "nosuid"],
  [ST_NODEV, MOUNT_ATTR_NODEV, "nodev"],
  [ST_NOEXEC, MOUNT_ATTR_NOEXEC, "noexec"],
  [ST_NODIRATIME, MOUNT_ATTR_NODIRATIME, "nodiratime"],
];

/**
 * In a user namespace, flags a mount inherited from a more privileged namespace are locked:
 * clearing them is EPERM (mount_setattr(2), docs/KERNEL.md item 6). Like runc, keep the flags the
 * source has instead of clearing them, and warn. `sourceFlags` are the source's fstatfs `f_flags`
 * (`sourceStFlags`), read BEFORE any change to the new mount: a flag this setup itself just set
 * is not locked, and an `r*` option must still be able to clear it. Outside a user namespace
 * the attr is returned unchanged.
 */
export function keepLockedFlags(
  ctx: ApplyContext,
  sourceFlags: number,
  attr: { attrSet: number; attrClr: number },
  why: string,
): { attrSet: number; attrClr: number } {
  if (!ctx.inUserNamespace) return attr;
  let { attrSet, attrClr } = attr;
  for (const [st, a, word] of ST) {
    if (sourceFlags & st && attrClr & a && !(attrSet & a)) {
      attrSet |= a;
      ctx.warnings.push(stepWarning(why, `keeping locked flag ${word} (user namespace)`));
    }
  }
  if (attrClr & MOUNT_ATTR__ATIME) {
    const mode =
      sourceFlags & ST_NOATIME
        ? MOUNT_ATTR_NOATIME
        : sourceFlags & ST_RELATIME
          ? MOUNT_ATTR_RELATIME
          : MOUNT_ATTR_STRICTATIME;
    if ((attrSet & MOUNT_ATTR__ATIME) !== mode) {
      attrSet = (attrSet & ~MOUNT_ATTR__ATIME) | mode;
      ctx.warnings.push(stepWarning(why, "keeping the locked access-time mode (user namespace)"));
    }
  }
  return { attrSet, attrClr };
}

/**
 * The fstatfs `f_flags` of a new mount's source, read from the fresh clone or bind before
 * anything changes it, for `keepLockedFlags`; 0 outside a user namespace (no call is made).
 */
export function sourceStFlags(ctx: ApplyContext, fd: number): number {
  return ctx.inUserNamespace ? ctx.sys.fstatfs(fd).flags : 0;
}

/**
 * The MS_* flags a mount has now (fstatfs `f_flags` of `fd`), for mount(2) remounts that must
 * keep them: a bind remount replaces every per-mount flag it is not given.
 */
export function currentMsFlags(sys: Syscalls, fd: number): number {
  const st = sys.fstatfs(fd).flags;
  let ms = 0;
  if (st & ST_RDONLY) ms |= MS_RDONLY;
  if (st & ST_NOSUID) ms |= MS_NOSUID;
  if (st & ST_NODEV) ms |= MS_NODEV;
  if (st & ST_NOEXEC) ms |= MS_NOEXEC;
  if (st & ST_NODIRATIME) ms |= MS_NODIRATIME;
  ms |= st & ST_NOATIME ? MS_NOATIME : st & ST_RELATIME ? MS_RELATIME : MS_STRICTATIME;
  return ms;
}
