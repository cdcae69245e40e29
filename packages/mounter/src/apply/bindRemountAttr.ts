import { mountAttrFromRemountFlags } from "@ocimount/mount-flags";

/**
 * What runc leaves on a bind mount made with these MS_* flags, as one mount_setattr(2) change
 * for the detached copy; `null` when runc would not remount (no flag at all: the bind keeps the
 * source's flags). runc (libcontainer/rootfs_linux.go, the "bind" case) remounts with
 * `MS_REMOUNT|MS_BIND|flags` whenever any flag is set, so `bind,strictatime` is strictatime and
 * `bind,sync` still replaces the per-mount flags; util-linux 2.38 mount(8) remounts only for
 * its bind-settable flags (`BIND_SETTABLE_FLAGS`) and leaves those two as the source was. A
 * bind remount REPLACES ro/nosuid/nodev/noexec/nosymfollow, and keeps the atime mode (with
 * nodiratime) unless an atime option is given: fs/namespace.c `path_mount`
 * (`mountAttrFromRemountFlags`, checked against the kernel in @ocimount/mount-flags).
 */
export function bindRemountAttr(flags: number): { attrSet: number; attrClr: number } | null {
  return flags !== 0 ? mountAttrFromRemountFlags(flags) : null;
}
