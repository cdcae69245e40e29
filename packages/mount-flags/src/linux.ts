/**
 * `@ocimount/mount-flags/linux`: the kernel constants that are not mount flags (those are the
 * package's main entry), so that no other file of ocimount defines a kernel value: open(2) and
 * openat2(2) flags, `AT_FDCWD`, statx, file types, flock, renameat2, namespaces, system call
 * numbers, statmount/listmount. Values are the Linux ABI for x86-64 and arm64
 * (include/uapi/asm-generic/fcntl.h, linux/openat2.h, linux/stat.h, asm-generic/unistd.h).
 * Errno values are `ERRNO` in `@ocimount/mount-flags/errors`.
 */

// open(2) flags. O_DIRECTORY/O_NOFOLLOW differ on some other architectures (arm32, ppc, mips).
/** Open for reading only. */
export const O_RDONLY = 0;
/** Open for writing only. */
export const O_WRONLY = 0o1;
/** Open for reading and writing. */
export const O_RDWR = 0o2;
/** Create the file if missing. */
export const O_CREAT = 0o100;
/** With O_CREAT: fail with EEXIST if the name exists (even as a dangling symlink). */
export const O_EXCL = 0o200;
/** Do not make the opened terminal the controlling terminal. */
export const O_NOCTTY = 0o400;
/** Fail with ENOTDIR unless the path is a directory. */
export const O_DIRECTORY = 0o200000;
/** Fail with ELOOP if the last component is a symlink (with O_PATH: open the link itself). */
export const O_NOFOLLOW = 0o400000;
/** Do not block: opening a FIFO does not wait for the other end. */
export const O_NONBLOCK = 0o4000;
/** Close the fd on exec. */
export const O_CLOEXEC = 0o2000000;
/** A location-only fd: no read or write, usable as a dirfd and for fd-based mounts. */
export const O_PATH = 0o10000000;

/** The longest path the kernel takes, with its NUL (include/uapi/linux/limits.h). */
export const PATH_MAX = 4096;

/** `dirfd` meaning the current working directory. */
export const AT_FDCWD = -100;
/** unlinkat: remove a directory. */
export const AT_REMOVEDIR = 0x200;

// openat2(2) resolve flags, include/uapi/linux/openat2.h (Linux 5.6).
/** Fail if any component crosses a mount point. */
export const RESOLVE_NO_XDEV = 0x01;
/** Fail on "magic links" such as /proc/self/fd/N. */
export const RESOLVE_NO_MAGICLINKS = 0x02;
/** Fail on any symlink. */
export const RESOLVE_NO_SYMLINKS = 0x04;
/** Fail if resolution leaves the dirfd's tree. */
export const RESOLVE_BENEATH = 0x08;
/** Resolve as if the dirfd were the root: `..` and absolute links stay inside. */
export const RESOLVE_IN_ROOT = 0x10;
/** Only succeed from the dentry cache (EAGAIN otherwise). */
export const RESOLVE_CACHED = 0x20;
/** The size of `struct open_how` (OPEN_HOW_SIZE_VER0). */
export const OPEN_HOW_SIZE = 24;

// statx(2) mask bits and attributes, include/uapi/linux/stat.h.
/** The basic stat fields (type, mode, nlink, uid, gid, times, ino, size, blocks). */
export const STATX_BASIC_STATS = 0x7ff;
/** `stx_mnt_id`, the mountinfo mount ID (Linux 5.8). */
/** STATX_BTIME: the file's birth time (`stx_btime`), where the filesystem records one. */
export const STATX_BTIME = 0x800;
export const STATX_MNT_ID = 0x1000;
/** STATX_MNT_ID_UNIQUE: the 64-bit mount ID that is never reused (Linux 6.8). */
export const STATX_MNT_ID_UNIQUE = 0x4000;
/** The file is the root of a mount (in stx_attributes, Linux 5.8). */
export const STATX_ATTR_MOUNT_ROOT = 0x2000;
/** glibc's `struct statfs` on 64-bit: eleven 8-byte fields then f_spare[4]; 120 bytes. */
export const STATFS_SIZE = 120;
/** The size of the `struct statx` buffer. */
export const STATX_SIZE = 256;

// File types in st_mode.
/** Mask of the file type bits. */
export const S_IFMT = 0o170000;
/** Socket. */
export const S_IFSOCK = 0o140000;
/** Symbolic link. */
export const S_IFLNK = 0o120000;
/** Regular file. */
export const S_IFREG = 0o100000;
/** Block device. */
export const S_IFBLK = 0o60000;
/** Directory. */
export const S_IFDIR = 0o40000;
/** Character device. */
export const S_IFCHR = 0o20000;
/** FIFO. */
export const S_IFIFO = 0o10000;

/** The sticky bit: in a directory, only a file's owner may remove or rename it. */
export const S_ISVTX = 0o1000;

// statfs(2) f_flags (ST_*), include/linux/statfs.h: a mount's flags as fstatfs reports them.
/** Read-only. */
export const ST_RDONLY = 0x1;
/** setuid/setgid bits ignored. */
export const ST_NOSUID = 0x2;
/** Device files not usable. */
export const ST_NODEV = 0x4;
/** Programs not executable. */
export const ST_NOEXEC = 0x8;
/** Writes synchronous. */
export const ST_SYNCHRONOUS = 0x10;
/** Mandatory locking. */
export const ST_MANDLOCK = 0x40;
/** Access times not updated. */
export const ST_NOATIME = 0x400;
/** Directory access times not updated. */
export const ST_NODIRATIME = 0x800;
/** Access times updated relative to mtime/ctime. */
export const ST_RELATIME = 0x1000;
/** Symlinks not followed. */
export const ST_NOSYMFOLLOW = 0x2000;

// Capabilities (linux/capability.h) and user namespaces.
/** CAP_SYS_ADMIN's bit in the capability sets (mount needs it). */
export const CAP_SYS_ADMIN = 21;
/** The uid a user namespace shows for owners it does not map (the kernel's default overflowuid). */
export const DEFAULT_OVERFLOWUID = 65534;

// flock(2) operations.
/** A shared lock. */
export const LOCK_SH = 1;
/** An exclusive lock. */
export const LOCK_EX = 2;
/** Drop the lock. */
export const LOCK_UN = 8;
/** Do not wait: fail with EWOULDBLOCK when the lock is held. */
export const LOCK_NB = 4;

// renameat2(2) flags.
/** Fail if the new name exists. */
export const RENAME_NOREPLACE = 0x1;
/** Swap the two names atomically. */
export const RENAME_EXCHANGE = 0x2;

// setns(2) namespace types.
/** CLONE_NEWNS: a mount namespace. */
export const CLONE_NEWNS = 0x20000;
/** CLONE_NEWUSER: a user namespace. */
export const CLONE_NEWUSER = 0x10000000;
/** CLONE_NEWUTS: a UTS (host name) namespace. */
export const CLONE_NEWUTS = 0x4000000;
/** unshare(2) CLONE_FS: give this thread its own root, cwd and umask. */
export const CLONE_FS = 0x200;

/**
 * Linux's MAXSYMLINKS (include/linux/namei.h): one lookup may follow 40 symlinks, the 41st is
 * ELOOP (fs/namei.c `pick_link`: `if (nd->total_link_count++ >= MAXSYMLINKS)`).
 */
export const MAXSYMLINKS = 40;

// System call numbers of the calls without a glibc wrapper we rely on. These are the unified
// numbers added to every architecture's table at once (Linux 5.2+), so one value fits all.
/** open_tree(2), Linux 5.2. */
export const SYS_open_tree = 428;
/** move_mount(2), Linux 5.2. */
export const SYS_move_mount = 429;
/** fsopen(2), Linux 5.2. */
export const SYS_fsopen = 430;
/** fsconfig(2), Linux 5.2. */
export const SYS_fsconfig = 431;
/** fsmount(2), Linux 5.2. */
export const SYS_fsmount = 432;
/** openat2(2), Linux 5.6. */
export const SYS_openat2 = 437;
/** mount_setattr(2), Linux 5.12. */
export const SYS_mount_setattr = 442;
/** statmount(2), Linux 6.8. */
export const SYS_statmount = 457;
/** listmount(2), Linux 6.8. */
export const SYS_listmount = 458;

// statmount(2) and listmount(2), include/uapi/linux/mount.h (Linux 6.8).
/** `struct mnt_id_req` size, version 0 (no namespace ID). */
export const MNT_ID_REQ_SIZE_VER0 = 24;
/** statmount mask: mnt_id, mnt_parent_id, mnt_id_old, mnt_parent_id_old, attributes, propagation. */
export const STATMOUNT_MNT_BASIC = 0x2;
/** statmount mask: the mount point, relative to the caller's root. */
export const STATMOUNT_MNT_POINT = 0x10;
/** Where the strings of `struct statmount` start: its fixed part is 512 bytes. */
export const STATMOUNT_STRINGS_AT = 512;
