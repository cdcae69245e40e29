import {
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
  MS_STRICTATIME,
} from "@ocimount/mount-flags";

const BITS: ReadonlyArray<readonly [ms: number, attr: number]> = [
  [MS_RDONLY, MOUNT_ATTR_RDONLY],
  [MS_NOSUID, MOUNT_ATTR_NOSUID],
  [MS_NODEV, MOUNT_ATTR_NODEV],
  [MS_NOEXEC, MOUNT_ATTR_NOEXEC],
  [MS_NOSYMFOLLOW, MOUNT_ATTR_NOSYMFOLLOW],
  [MS_NODIRATIME, MOUNT_ATTR_NODIRATIME],
];

/**
 * The MOUNT_ATTR_* set that mount(2) would give a mount for these MS_* flags, the way
 * fs/namespace.c `path_mount` computes it: relatime unless noatime, strictatime beating both.
 * Used for fsmount(2)'s attr_flags and for bind remounts.
 */
export function attrFromFlags(flags: number): number {
  let attr = 0;
  for (const [ms, a] of BITS) if (flags & ms) attr |= a;
  if (flags & MS_STRICTATIME) attr |= MOUNT_ATTR_STRICTATIME;
  else if (flags & MS_NOATIME) attr |= MOUNT_ATTR_NOATIME;
  else attr |= MOUNT_ATTR_RELATIME;
  return attr;
}
