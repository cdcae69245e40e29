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
