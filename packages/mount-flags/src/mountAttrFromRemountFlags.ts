import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_RELATIME,
  MS_NOATIME,
  MS_NODEV,
  MS_NODIRATIME,
  MS_NOEXEC,
  MS_NOSUID,
  MS_NOSYMFOLLOW,
  MS_RDONLY,
  MS_RELATIME,
  MS_STRICTATIME,
} from "./constants.ts";
import { atimeMode, PER_MOUNT } from "./perMountAttrs.ts";

/** Any of these in a remount replaces the atime settings; without them the kernel keeps them. */
const ATIME_TOUCHING = MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME;

/**
 * What `mount(source, target, NULL, MS_REMOUNT | MS_BIND | flags, NULL)` does to a mount, as
 * `mount_setattr` arguments: that call *replaces* the per-mount flags, so every one of ro, nosuid,
 * nodev, noexec, nosymfollow missing from `flags` is cleared. The atime settings (the mode and
 * nodiratime) are kept when `flags` has none of MS_NOATIME, MS_NODIRATIME, MS_RELATIME,
 * MS_STRICTATIME; otherwise nodiratime follows `flags` and the mode becomes strictatime, noatime or
 * (the default) relatime, in that order of precedence (fs/namespace.c path_mount, Linux 6.x).
 * So `nodiratime` alone resets noatime to relatime.
 *
 * This is the behaviour of util-linux `mount -o bind,<options>` (2.38 remounts after the bind;
 * it skips the remount when no option is one of ro, nosuid, nodev, noexec, noatime, nodiratime,
 * relatime, nosymfollow) and of runc. `mountAttrFromFlags` instead changes only what the options
 * name. Callers in a user namespace must add the locked flags of the source to `flags` first
 * (a remount that drops them fails with EPERM). Never throws.
 */
export function mountAttrFromRemountFlags(flags: number): { attrSet: number; attrClr: number } {
  let attrSet = 0;
  let attrClr = 0;
  const touchesAtime = (flags & ATIME_TOUCHING) !== 0;
  for (const [ms, attr] of PER_MOUNT) {
    // nodiratime belongs to the kernel's MNT_ATIME_MASK: kept along with the mode, or replaced.
    if (ms === MS_NODIRATIME && !touchesAtime) continue;
    if (flags & ms) attrSet |= attr;
    else attrClr |= attr;
  }
  if (touchesAtime) {
    attrSet |= atimeMode(flags) ?? MOUNT_ATTR_RELATIME;
    attrClr |= MOUNT_ATTR__ATIME;
  }
  return { attrSet, attrClr };
}

/**
 * The MS_* flags for which util-linux mount(8) follows `mount -o bind,<options>` with a second
 * `MS_REMOUNT|MS_BIND|flags` call (libmount's `MNT_BIND_SETTABLE`). Options outside this set
 * (`rw`, `suid`, `strictatime` alone...) leave a bind with its source's flags, so a caller that
 * wants mount(8)'s result applies `mountAttrFromRemountFlags(flags)` only when
 * `flags & BIND_SETTABLE_FLAGS` is non-zero.
 */
export const BIND_SETTABLE_FLAGS =
  MS_NOSUID |
  MS_NODEV |
  MS_NOEXEC |
  MS_NOATIME |
  MS_NODIRATIME |
  MS_RELATIME |
  MS_RDONLY |
  MS_NOSYMFOLLOW;
