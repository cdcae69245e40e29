/**
 * Kernel constants for mount(2), umount2(2), mount_setattr(2) and the new mount API, with the
 * values of include/uapi/linux/mount.h and include/uapi/linux/fcntl.h (Linux 6.x). These are
 * ABI: they never change, so they are plain numbers here.
 */

// mount(2) flags (MS_*), include/uapi/linux/mount.h.
/** Mount read-only. */
export const MS_RDONLY = 0x1;
/** Ignore set-user-ID and set-group-ID bits. */
export const MS_NOSUID = 0x2;
/** Disallow access to device special files. */
export const MS_NODEV = 0x4;
/** Disallow program execution. */
export const MS_NOEXEC = 0x8;
/** Writes are synced at once. */
export const MS_SYNCHRONOUS = 0x10;
/** Alter flags of a mounted filesystem. */
export const MS_REMOUNT = 0x20;
/** Allow mandatory locks (removed in Linux 5.15; kept for the option table). */
export const MS_MANDLOCK = 0x40;
/** Directory modifications are synchronous. */
export const MS_DIRSYNC = 0x80;
/** Do not follow symlinks on this mount (Linux 5.10). */
export const MS_NOSYMFOLLOW = 0x100;
/** Do not update access times. */
export const MS_NOATIME = 0x400;
/** Do not update directory access times. */
export const MS_NODIRATIME = 0x800;
/** Bind mount. */
export const MS_BIND = 0x1000;
/** Move a subtree. */
export const MS_MOVE = 0x2000;
/** Recursive (with MS_BIND or a propagation change). */
export const MS_REC = 0x4000;
/** Suppress some kernel messages (`silent`); `loud` clears it. */
export const MS_SILENT = 0x8000;
/** VFS does not apply the umask. */
export const MS_POSIXACL = 0x10000;
/** Change to unbindable. */
export const MS_UNBINDABLE = 0x20000;
/** Change to private. */
export const MS_PRIVATE = 0x40000;
/** Change to slave. */
export const MS_SLAVE = 0x80000;
/** Change to shared. */
export const MS_SHARED = 0x100000;
/** Update atime relative to mtime/ctime. */
export const MS_RELATIME = 0x200000;
/** Always update access times. */
export const MS_STRICTATIME = 0x1000000;
/** Update the on-disk [acm]times lazily. */
export const MS_LAZYTIME = 0x2000000;
/** Update the inode I_version field. */
export const MS_I_VERSION = 0x800000;

// mount_setattr(2) attributes (MOUNT_ATTR_*), include/uapi/linux/mount.h.
/** Mount read-only. */
export const MOUNT_ATTR_RDONLY = 0x1;
/** Ignore suid and sgid bits. */
export const MOUNT_ATTR_NOSUID = 0x2;
/** Disallow access to device special files. */
export const MOUNT_ATTR_NODEV = 0x4;
/** Disallow program execution. */
export const MOUNT_ATTR_NOEXEC = 0x8;
/** The access-time enum's mask: set one value only after clearing all of it. */
export const MOUNT_ATTR__ATIME = 0x70;
/** Access time: update relative to mtime/ctime (the enum's zero value). */
export const MOUNT_ATTR_RELATIME = 0x0;
/** Access time: never update. */
export const MOUNT_ATTR_NOATIME = 0x10;
/** Access time: always update. */
export const MOUNT_ATTR_STRICTATIME = 0x20;
/** Do not update directory access times (a bit of its own, outside the enum). */
export const MOUNT_ATTR_NODIRATIME = 0x80;
/** Idmap the mount with the user namespace given by `userns_fd` (Linux 5.12). */
export const MOUNT_ATTR_IDMAP = 0x100000;
/** Do not follow symlinks (Linux 5.14). */
export const MOUNT_ATTR_NOSYMFOLLOW = 0x200000;
/** The size of `struct mount_attr` as of Linux 5.12 (MOUNT_ATTR_SIZE_VER0). */
export const MOUNT_ATTR_SIZE_VER0 = 32;

// *at() flags, include/uapi/linux/fcntl.h.
/** Apply to the whole mount subtree (mount_setattr, open_tree). */
export const AT_RECURSIVE = 0x8000;
/** Operate on the fd itself when the path is "". */
export const AT_EMPTY_PATH = 0x1000;
/** Do not follow a trailing symlink. */
export const AT_SYMLINK_NOFOLLOW = 0x100;
/** Do not automount the terminal component. */
export const AT_NO_AUTOMOUNT = 0x800;

// open_tree(2) and move_mount(2).
/** open_tree: make a detached clone of the mount (tree). */
export const OPEN_TREE_CLONE = 0x1;
/** open_tree: close the returned fd on exec (same value as O_CLOEXEC). */
export const OPEN_TREE_CLOEXEC = 0o2000000;
/** move_mount: the source is the fd itself. */
export const MOVE_MOUNT_F_EMPTY_PATH = 0x4;
/** move_mount: the target is the fd itself. */
export const MOVE_MOUNT_T_EMPTY_PATH = 0x40;

// fsopen(2), fsconfig(2), fsmount(2).
/** fsopen: close the fs context fd on exec. */
export const FSOPEN_CLOEXEC = 0x1;
/** fsmount: close the mount fd on exec. */
export const FSMOUNT_CLOEXEC = 0x1;
/** fsconfig: set a flag-only parameter (`key`, no value). */
export const FSCONFIG_SET_FLAG = 0;
/** fsconfig: set a string parameter. */
export const FSCONFIG_SET_STRING = 1;
/** fsconfig: create the superblock. */
export const FSCONFIG_CMD_CREATE = 6;

// umount2(2).
/** umount2: force unmount. */
export const MNT_FORCE = 0x1;
/** umount2: lazy unmount, detach now and clean up when no longer busy. */
export const MNT_DETACH = 0x2;
/** umount2: mark for expiry. */
export const MNT_EXPIRE = 0x4;
/** umount2: do not follow a symlink at the target (always use it: a link swapped in must not redirect the unmount). */
export const UMOUNT_NOFOLLOW = 0x8;
