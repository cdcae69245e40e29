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
  MS_RELATIME,
  MS_STRICTATIME,
} from "./constants.ts";

/** The per-mount MS_* bits that are plain MOUNT_ATTR_* bits (internal; atime is the enum). */
export const PER_MOUNT: readonly (readonly [ms: number, attr: number])[] = [
  [MS_RDONLY, MOUNT_ATTR_RDONLY],
  [MS_NOSUID, MOUNT_ATTR_NOSUID],
  [MS_NODEV, MOUNT_ATTR_NODEV],
  [MS_NOEXEC, MOUNT_ATTR_NOEXEC],
  [MS_NODIRATIME, MOUNT_ATTR_NODIRATIME],
  [MS_NOSYMFOLLOW, MOUNT_ATTR_NOSYMFOLLOW],
];

/** The atime mode MS_* bits ask for, with the kernel's precedence (fs/namespace.c path_mount). */
export function atimeMode(flags: number): number | undefined {
  if (flags & MS_STRICTATIME) return MOUNT_ATTR_STRICTATIME;
  if (flags & MS_NOATIME) return MOUNT_ATTR_NOATIME;
  if (flags & MS_RELATIME) return MOUNT_ATTR_RELATIME;
  return undefined;
}
