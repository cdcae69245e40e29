import { BIND_SETTABLE_FLAGS, mountAttrFromRemountFlags } from "@ocimount/mount-flags";

/**
 * What mount(8) leaves on a bind mount made with these MS_* flags, as one mount_setattr(2)
 * change for the detached copy; `null` when mount(8) would not remount (the bind keeps the
 * source's flags). A bind remount REPLACES ro/nosuid/nodev/noexec/nosymfollow, and keeps the
 * atime mode (with nodiratime) unless an atime option is given: fs/namespace.c `path_mount`,
 * "The default atime for remount is preservation" (`mountAttrFromRemountFlags`, checked against
 * the kernel in @ocimount/mount-flags).
 */
export function bindRemountAttr(flags: number): { attrSet: number; attrClr: number } | null {
  return flags & BIND_SETTABLE_FLAGS ? mountAttrFromRemountFlags(flags) : null;
}
