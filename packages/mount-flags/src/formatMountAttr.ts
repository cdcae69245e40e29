import {
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_IDMAP,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_STRICTATIME,
} from "./constants.ts";
import { hexBits } from "./hexBits.ts";

/** Names in kernel bit order; the access-time field (0x70) is one enum, named by its value. */
const FIELDS: readonly (readonly [mask: number, values: ReadonlyMap<number, string>])[] = [
  [MOUNT_ATTR_RDONLY, new Map([[MOUNT_ATTR_RDONLY, "ro"]])],
  [MOUNT_ATTR_NOSUID, new Map([[MOUNT_ATTR_NOSUID, "nosuid"]])],
  [MOUNT_ATTR_NODEV, new Map([[MOUNT_ATTR_NODEV, "nodev"]])],
  [MOUNT_ATTR_NOEXEC, new Map([[MOUNT_ATTR_NOEXEC, "noexec"]])],
  [
    MOUNT_ATTR__ATIME,
    new Map([
      [MOUNT_ATTR_NOATIME, "noatime"],
      [MOUNT_ATTR_STRICTATIME, "strictatime"],
      [MOUNT_ATTR__ATIME, "atime"],
    ]),
  ],
  [MOUNT_ATTR_NODIRATIME, new Map([[MOUNT_ATTR_NODIRATIME, "nodiratime"]])],
  [MOUNT_ATTR_IDMAP, new Map([[MOUNT_ATTR_IDMAP, "idmap"]])],
  [MOUNT_ATTR_NOSYMFOLLOW, new Map([[MOUNT_ATTR_NOSYMFOLLOW, "nosymfollow"]])],
];

/**
 * Names MOUNT_ATTR_* bits (an `attr_set` or `attr_clr` of mount_setattr(2)): `ro`, `nosuid`,
 * `nodev`, `noexec`, the access-time field, `nodiratime`, `idmap`, `nosymfollow`. The access-time
 * field is an enum: `noatime` (0x10), `strictatime` (0x20), and the whole mask (0x70, as in an
 * `attr_clr`) is `atime`; relatime is the enum's zero, so it has no name of its own (an `attr_set`
 * without a mode next to an `attr_clr` of `atime` means relatime). Other values and unknown bits
 * come last as `0x...`. Never throws.
 */
export function formatMountAttr(attr: number): string[] {
  let rest = attr >>> 0;
  const names: string[] = [];
  for (const [mask, values] of FIELDS) {
    const name = values.get(rest & mask);
    if (name === undefined) continue;
    names.push(name);
    rest = (rest & ~mask) >>> 0;
  }
  return [...names, ...hexBits(rest)];
}
