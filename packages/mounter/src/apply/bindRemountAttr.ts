import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MS_NOATIME,
  MS_NODEV,
  MS_NODIRATIME,
  MS_NOEXEC,
  MS_NOSUID,
  MS_NOSYMFOLLOW,
  MS_RDONLY,
  MS_RELATIME,
  MS_STRICTATIME,
} from "@ocimount/mount-flags";
import { attrFromFlags } from "./attrFromFlags.ts";

/**
 * The flags for which util-linux mount(8) follows `mount -o bind,<opts>` with a second
 * `MS_REMOUNT|MS_BIND|flags` call (libmount `MNT_BIND_SETTABLE`). Options outside this set
 * (`rw`, `suid`, `strictatime` alone...) leave the bind with the source's flags.
 */
export const BIND_SETTABLE =
  MS_NOSUID |
  MS_NODEV |
  MS_NOEXEC |
  MS_NOATIME |
  MS_NODIRATIME |
  MS_RELATIME |
  MS_RDONLY |
  MS_NOSYMFOLLOW;

const ATIME_OPTIONS = MS_NOATIME | MS_NODIRATIME | MS_RELATIME | MS_STRICTATIME;
const REPLACED =
  MOUNT_ATTR_RDONLY |
  MOUNT_ATTR_NOSUID |
  MOUNT_ATTR_NODEV |
  MOUNT_ATTR_NOEXEC |
  MOUNT_ATTR_NOSYMFOLLOW;

/**
 * What mount(8) leaves on a bind mount made with these MS_* flags, as one mount_setattr(2)
 * change for the detached copy; `null` when mount(8) would not remount (the bind keeps the
 * source's flags). A bind remount REPLACES ro/nosuid/nodev/noexec/nosymfollow, and keeps the
 * atime mode (with nodiratime) unless an atime option is given: fs/namespace.c `path_mount`,
 * "The default atime for remount is preservation".
 */
export function bindRemountAttr(flags: number): { attrSet: number; attrClr: number } | null {
  if (!(flags & BIND_SETTABLE)) return null;
  const wanted = attrFromFlags(flags);
  if (!(flags & ATIME_OPTIONS)) return { attrSet: wanted & REPLACED, attrClr: REPLACED };
  return { attrSet: wanted, attrClr: REPLACED | MOUNT_ATTR__ATIME | MOUNT_ATTR_NODIRATIME };
}
