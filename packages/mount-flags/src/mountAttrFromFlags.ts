import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_RELATIME,
  MOUNT_ATTR_STRICTATIME,
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

/** The per-mount MS_* bits that are plain MOUNT_ATTR_* bits (atime is handled as the enum). */
const PER_MOUNT: readonly (readonly [ms: number, attr: number])[] = [
  [MS_RDONLY, MOUNT_ATTR_RDONLY],
  [MS_NOSUID, MOUNT_ATTR_NOSUID],
  [MS_NODEV, MOUNT_ATTR_NODEV],
  [MS_NOEXEC, MOUNT_ATTR_NOEXEC],
  [MS_NODIRATIME, MOUNT_ATTR_NODIRATIME],
  [MS_NOSYMFOLLOW, MOUNT_ATTR_NOSYMFOLLOW],
];

/** The atime mode MS_* bits ask for, with the kernel's precedence (fs/namespace.c path_mount). */
function atimeMode(flags: number): number | undefined {
  if (flags & MS_STRICTATIME) return MOUNT_ATTR_STRICTATIME;
  if (flags & MS_NOATIME) return MOUNT_ATTR_NOATIME;
  if (flags & MS_RELATIME) return MOUNT_ATTR_RELATIME;
  return undefined;
}

/**
 * The per-mount (non-recursive) `mount_setattr(2)` equivalent of MS_* bits set (`flags`) and
 * cleared (`clearFlags`), as from `parseMountOptions`: ro, nosuid, nodev, noexec, nodiratime and
 * nosymfollow map bit for bit (a bit in both arguments counts as set). An atime mode in `flags`
 * (strictatime before noatime before relatime, as the kernel ranks them) sets that mode and clears
 * the whole MOUNT_ATTR__ATIME mask; cleared atime bits alone (`atime`, `norelatime`) change nothing,
 * like a mount(2) remount that keeps the atime mode when no mode is given.
 *
 * Superblock flags (see `SUPERBLOCK_FLAGS`) have no MOUNT_ATTR_* equivalent and are ignored here,
 * as are MS_BIND, MS_REC and propagation. Never throws.
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
