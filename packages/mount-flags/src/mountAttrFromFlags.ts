import { MOUNT_ATTR__ATIME } from "./constants.ts";
import { atimeMode, PER_MOUNT } from "./perMountAttrs.ts";

/**
 * The per-mount (non-recursive) `mount_setattr(2)` equivalent of MS_* bits set (`flags`) and
 * cleared (`clearFlags`), as from `parseMountOptions`: ro, nosuid, nodev, noexec, nodiratime and
 * nosymfollow map bit for bit (a bit in both arguments counts as set). An atime mode in `flags`
 * (strictatime before noatime before relatime, as the kernel ranks them) sets that mode and clears
 * the whole MOUNT_ATTR__ATIME mask; cleared atime bits alone (`atime`, `norelatime`) change nothing,
 * like a mount(2) remount that keeps the atime mode when no mode is given.
 *
 * Only what the options name changes: for the replace-everything behaviour of a mount(2) bind
 * remount (what util-linux mount(8) and runc do) use `mountAttrFromRemountFlags`. Superblock flags
 * (see `SUPERBLOCK_FLAGS`) have no MOUNT_ATTR_* equivalent and are ignored here, as are MS_BIND,
 * MS_REC and propagation. Never throws.
 */
export function mountAttrFromFlags(
  flags: number,
  clearFlags: number,
): { attrSet: number; attrClr: number } {
  let attrSet = 0;
  let attrClr = 0;
  for (const [ms, attr] of PER_MOUNT) {
    if (flags & ms) attrSet |= attr;
    else if (clearFlags & ms) attrClr |= attr;
  }
  const mode = atimeMode(flags);
  if (mode !== undefined) {
    attrSet |= mode;
    attrClr |= MOUNT_ATTR__ATIME;
  }
  return { attrSet, attrClr };
}
