import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_STRICTATIME,
  mountAttrFromRemountFlags,
} from "@ocimount/mount-flags";

// The attribute algebra of a mount: mount_setattr(2) changes, how two compose, what runc's bind
// remount is as one, and what a change guarantees the read-back will show.

/** A mount_setattr(2) change: bits to set and bits to clear. */
export interface AttrChange {
  attrSet: number;
  attrClr: number;
}

/** The change that does nothing. */
export const NO_ATTR_CHANGE: Readonly<AttrChange> = Object.freeze({ attrSet: 0, attrClr: 0 });

/**
 * The one change equal to applying `first`, then `then`, to a mount. The kernel applies a
 * change as `(old & ~attrClr) | attrSet` (fs/namespace.c `mount_setattr_commit`), so the later
 * change wins for every bit it touches, and the access-time enum (`MOUNT_ATTR__ATIME`, always
 * cleared whole when a mode is set) follows the later change when it names one. Used for the
 * read-back expectation of a mount that gets its per-mount flags and then the `r*` options
 * (`["rro", "nosuid"]` is ro,nosuid whatever the order of the options).
 */
export function composeAttr(first: AttrChange, then: AttrChange): AttrChange {
  return {
    attrSet: (first.attrSet & ~then.attrClr) | then.attrSet,
    attrClr: first.attrClr | then.attrClr,
  };
}

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
export function bindRemountAttr(flags: number): AttrChange | null {
  return flags !== 0 ? mountAttrFromRemountFlags(flags) : null;
}

const WORDS: ReadonlyArray<readonly [attr: number, word: string]> = [
  [MOUNT_ATTR_NOSUID, "nosuid"],
  [MOUNT_ATTR_NODEV, "nodev"],
  [MOUNT_ATTR_NOEXEC, "noexec"],
  [MOUNT_ATTR_NOSYMFOLLOW, "nosymfollow"],
  [MOUNT_ATTR_NODIRATIME, "nodiratime"],
];

/**
 * The mountinfo words a mount_setattr(2) change (`attrSet`/`attrClr`) guarantees: `on` must be
 * listed, `off` must not. Bits neither set nor cleared are not checked.
 */
export function expectFromAttr({ attrSet, attrClr }: AttrChange): { on: string[]; off: string[] } {
  const on: string[] = [];
  const off: string[] = [];
  if (attrSet & MOUNT_ATTR_RDONLY) on.push("ro");
  else if (attrClr & MOUNT_ATTR_RDONLY) on.push("rw");
  for (const [attr, word] of WORDS) {
    if (attrSet & attr) on.push(word);
    else if (attrClr & attr) off.push(word);
  }
  if (attrClr & MOUNT_ATTR__ATIME) {
    const mode = attrSet & MOUNT_ATTR__ATIME;
    if (mode === MOUNT_ATTR_NOATIME) on.push("noatime");
    else if (mode === MOUNT_ATTR_STRICTATIME) off.push("noatime", "relatime");
    else on.push("relatime");
  }
  return { on, off };
}
