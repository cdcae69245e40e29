export { closestWord, editDistance } from "./closestWord.ts";
export {
  AT_EMPTY_PATH,
  AT_NO_AUTOMOUNT,
  AT_RECURSIVE,
  AT_SYMLINK_NOFOLLOW,
  FSCONFIG_CMD_CREATE,
  FSCONFIG_SET_FLAG,
  FSCONFIG_SET_STRING,
  FSMOUNT_CLOEXEC,
  FSOPEN_CLOEXEC,
  MNT_DETACH,
  MNT_EXPIRE,
  MNT_FORCE,
  MOUNT_ATTR__ATIME,
  MOUNT_ATTR_IDMAP,
  MOUNT_ATTR_NOATIME,
  MOUNT_ATTR_NODEV,
  MOUNT_ATTR_NODIRATIME,
  MOUNT_ATTR_NOEXEC,
  MOUNT_ATTR_NOSUID,
  MOUNT_ATTR_NOSYMFOLLOW,
  MOUNT_ATTR_RDONLY,
  MOUNT_ATTR_RELATIME,
  MOUNT_ATTR_SIZE_VER0,
  MOUNT_ATTR_STRICTATIME,
  MOVE_MOUNT_F_EMPTY_PATH,
  MOVE_MOUNT_T_EMPTY_PATH,
  MS_BIND,
  MS_DIRSYNC,
  MS_I_VERSION,
  MS_LAZYTIME,
  MS_MANDLOCK,
  MS_MOVE,
  MS_NOATIME,
  MS_NODEV,
  MS_NODIRATIME,
  MS_NOEXEC,
  MS_NOSUID,
  MS_NOSYMFOLLOW,
  MS_POSIXACL,
  MS_PRIVATE,
  MS_RDONLY,
  MS_REC,
  MS_RELATIME,
  MS_REMOUNT,
  MS_SHARED,
  MS_SILENT,
  MS_SLAVE,
  MS_STRICTATIME,
  MS_SYNCHRONOUS,
  MS_UNBINDABLE,
  OPEN_TREE_CLOEXEC,
  OPEN_TREE_CLONE,
  UMOUNT_NOFOLLOW,
} from "./constants.ts";
export { describeMountOptions, type MountOptionRow } from "./describeMountOptions.ts";
export { type AtimeMode, effectiveAtime } from "./effectiveAtime.ts";
export { formatMountAttr } from "./formatMountAttr.ts";
export { formatMountFlags } from "./formatMountFlags.ts";
export { MOUNT_OPTIONS, type MountOption } from "./MOUNT_OPTIONS.ts";
export type { MountInfoEntry } from "./MountInfoEntry.ts";
export { MountInfoError, type MountInfoErrorCode } from "./MountInfoError.ts";
export { mountAttrFromFlags } from "./mountAttrFromFlags.ts";
export { BIND_SETTABLE_FLAGS, mountAttrFromRemountFlags } from "./mountAttrFromRemountFlags.ts";
export { nearestMountOption } from "./nearestMountOption.ts";
export {
  OPERATION_OPTIONS,
  type OperationField,
  type OperationOption,
} from "./OPERATION_OPTIONS.ts";
export type { ParsedMountOptions } from "./ParsedMountOptions.ts";
export { PROPAGATION_OPTIONS, type PropagationOption } from "./PROPAGATION_OPTIONS.ts";
export { parseMountInfo } from "./parseMountInfo.ts";
export { parseMountInfoLine } from "./parseMountInfoLine.ts";
export { parseMountOptions } from "./parseMountOptions.ts";
export { RECURSIVE_OPTIONS, type RecursiveOption } from "./RECURSIVE_OPTIONS.ts";
export { SUPERBLOCK_FLAGS, superblockFlags } from "./SUPERBLOCK_FLAGS.ts";
