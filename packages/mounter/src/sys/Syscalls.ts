/**
 * The one seam between ocimount and the kernel. `createSyscalls()` (ffi.ts) implements it with
 * bun:ffi, loading libc lazily; unit tests of the planner and engine use a recording fake.
 *
 * Every method but `closeInParallel` is synchronous, takes and returns plain values, and on
 * failure throws a `SyscallError` carrying the operation, errno and the paths involved. No method keeps a
 * pointer or a buffer past its return. Every fd returned is close-on-exec.
 */

/** What `statx(2)` tells about a file, reduced to what ocimount needs. */
export interface FileStat {
  /** `st_mode`: file type and permission bits (S_IFMT & mode gives the type). */
  mode: number;
  /** Device of the file's filesystem, major:minor. */
  devMajor: number;
  devMinor: number;
  /** For device files: the device numbers (`/dev/null` is 1:3). */
  rdevMajor: number;
  rdevMinor: number;
  ino: bigint;
  uid: number;
  gid: number;
  /** The mount ID (`STATX_MNT_ID`, Linux 5.8), as in /proc/self/mountinfo; 0 when unknown. */
  mountId: number;
  /** True when the file is the root of a mount (`STATX_ATTR_MOUNT_ROOT`). */
  isMountRoot: boolean;
  /** Birth time (`STATX_BTIME`) as `seconds.nanoseconds`, when the filesystem records one. */
  btime?: string | undefined;
}

/** What `fstatfs(2)` tells about a mount: `f_flags` as ST_* bits, and `f_type`. */
export interface FsStat {
  /** `ST_RDONLY`, `ST_NOSUID`, `ST_NODEV`, ... bits (`@ocimount/mount-flags/linux`). */
  flags: number;
  type: number;
}

/** `struct mount_attr` for mount_setattr(2). */
export interface MountAttr {
  attrSet: number;
  attrClr: number;
  /** MS_SHARED, MS_SLAVE, MS_PRIVATE or MS_UNBINDABLE; 0 leaves propagation alone. */
  propagation?: number;
  /** A user namespace fd, with MOUNT_ATTR_IDMAP. */
  usernsFd?: number;
}

/** What `statmount(2)` tells about a live mount of the caller's mount namespace. */
export interface MountStat {
  /** The 64-bit mount ID, never reused (`STATX_MNT_ID_UNIQUE`). */
  uniqueId: number;
  /** The parent's 64-bit mount ID (the mount's own for the namespace root). */
  parentUniqueId: number;
  /** The 32-bit mount ID of mountinfo (reused once the mount is gone). */
  mountId: number;
  parentId: number;
  /** The mount point, relative to the caller's root, as mountinfo shows it (decoded). */
  mountPoint: string;
}

/** One entry of a directory read with getdents64(2). */
export interface DirEntry {
  name: string;
  /** `d_type` (DT_DIR=4, DT_REG=8, DT_LNK=10, ...), 0 when the filesystem does not say. */
  type: number;
}

/** `struct open_how` for openat2(2). */
export interface OpenHow {
  flags: number;
  mode?: number;
  resolve: number;
}

/** The kernel calls ocimount makes. */
export interface Syscalls {
  openat(dirfd: number, path: string, flags: number, mode?: number): number;
  /** Throws ENOSYS (as SyscallError) where the kernel lacks openat2 (before 5.6). */
  openat2(dirfd: number, path: string, how: OpenHow): number;
  close(fd: number): void;
  /**
   * Closes every fd, several at once on worker threads; resolves when all are closed, or
   * rejects with the first `SyscallError` once every close was tried. For fds whose last close
   * does slow work in the kernel: a removed directory's inode is freed then, which on a
   * filesystem discarding synchronously waits for the disk (docs/KERNEL.md item 19).
   */
  closeInParallel(fds: readonly number[]): Promise<void>;
  mkdirat(dirfd: number, path: string, mode: number): void;
  unlinkat(dirfd: number, path: string, flags: number): void;
  readlinkat(dirfd: number, path: string): string;
  /**
   * The path the kernel currently gives for `fd` (the magic link /proc/thread-self/fd/N), for
   * display and for checking where an fd really points. A snapshot: the file may be renamed
   * right after, and a deleted file reads with a ` (deleted)` suffix. Never reopen it by this
   * string to act on the file; use the fd. Throws `SyscallError` `readlink` (EBADF for an fd
   * that is not open; procfs must be mounted).
   */
  fdPath(fd: number): string;
  /** symlinkat(2): a symlink `path` (relative to `dirfd`) whose content is `target`. */
  symlinkat(target: string, dirfd: number, path: string): void;
  /**
   * One read(2) of up to `size` bytes, as UTF-8 text ("" at end of file). On an fsopen fd each
   * read gives one message the filesystem context left (`e tmpfs: Unknown parameter 'x'`);
   * ENODATA when there are none.
   */
  read(fd: number, size: number): string;
  /**
   * A small kernel text file read whole (`/proc/self/mountinfo`, `/proc/<pid>/cgroup`): the
   * tables ocimount reads about the host go through here, so tests can make them up.
   */
  readTextFile(path: string): string;
  /**
   * The calling thread's mount table as the kernel writes it (`/proc/thread-self/mountinfo`):
   * the one way the engine reads it, so unit tests give a made-up table instead of the host's.
   */
  mountInfo(): string;
  /**
   * This process's `/proc/self/uid_map` text: the user-namespace probe (`0 0 4294967295` in
   * the initial namespace).
   */
  uidMap(): string;
  /**
   * A new user namespace whose uid_map and gid_map are `uidMap` and `gidMap` (`containerID
   * hostID size` lines), as a close-on-exec fd, for MOUNT_ATTR_IDMAP. A threaded process cannot
   * unshare(CLONE_NEWUSER) itself, so a child makes it and is killed; the fd keeps it alive.
   * Throws `SyscallError` for a write or open that failed (EPERM for a map the caller may not
   * write), and an `ENOTSUP` error (no errno) when no namespace could be made.
   */
  userNamespace(uidMap: string, gidMap: string): number;
  /** statx(2) with the given AT_* flags (AT_EMPTY_PATH with path "" stats the fd). */
  statx(dirfd: number, path: string, flags: number): FileStat;
  /**
   * The 64-bit mount ID of the mount `(dirfd, path)` is on (statx `STATX_MNT_ID_UNIQUE`, Linux
   * 6.8): the kernel never gives it to another mount. 0 when the kernel does not report it.
   */
  uniqueMountId(dirfd: number, path: string, flags: number): number;
  /**
   * listmount(2): the 64-bit IDs of every mount below `uniqueId` (recursively, in ID order) in
   * the caller's mount namespace, only those above `after` when given (the kernel then starts
   * its walk of the namespace there: the submounts of a mount just attached have higher IDs than
   * it, so asking above its own ID costs its submounts, not every mount of the namespace).
   * Throws ENOSYS before Linux 6.8, ENOENT when it is not live here.
   */
  listmount(uniqueId: number, after?: number): number[];
  /** statmount(2) of a live mount of the caller's namespace (ENOSYS before 6.8, ENOENT if gone). */
  statmount(uniqueId: number): MountStat;
  fstatfs(fd: number): FsStat;
  /** Every entry of the directory open as `fd` (getdents64(2) until the end), `.` and `..` left out. */
  getdents(fd: number): DirEntry[];
  /** mknodat(2): a device node, FIFO or socket (`mode` carries the type), `dev` as major:minor. */
  mknodat(dirfd: number, name: string, mode: number, major: number, minor: number): void;
  /** linkat(2): a hard link `newName` in `newDirfd` to `oldName` in `oldDirfd` (flags 0: no following). */
  linkat(oldDirfd: number, oldName: string, newDirfd: number, newName: string, flags: number): void;
  /** fchownat(2) (AT_SYMLINK_NOFOLLOW changes a symlink itself). */
  fchownat(dirfd: number, name: string, uid: number, gid: number, flags: number): void;
  /** fchmodat(2) (flags 0: the kernel does not change a symlink's mode). */
  fchmodat(dirfd: number, name: string, mode: number, flags: number): void;
  /** utimensat(2) with access and modification times in nanoseconds since the epoch. */
  utimensat(dirfd: number, name: string, atimeNs: bigint, mtimeNs: bigint, flags: number): void;
  /** The extended attribute names of the file open as `fd` (flistxattr(2)). */
  flistxattr(fd: number): string[];
  /** An extended attribute's value (fgetxattr(2)). */
  fgetxattr(fd: number, name: string): Uint8Array;
  /** fsetxattr(2). */
  fsetxattr(fd: number, name: string, value: Uint8Array, flags: number): void;
  /** flock(2): LOCK_EX=2, LOCK_NB=4, LOCK_UN=8; EWOULDBLOCK (EAGAIN) when held elsewhere with LOCK_NB. */
  flock(fd: number, operation: number): void;
  mount(
    source: string | null,
    target: string,
    fstype: string | null,
    flags: number,
    data: string | null,
  ): void;
  umount2(target: string, flags: number): void;
  openTree(dirfd: number, path: string, flags: number): number;
  moveMount(
    fromDirfd: number,
    fromPath: string,
    toDirfd: number,
    toPath: string,
    flags: number,
  ): void;
  mountSetattr(dirfd: number, path: string, flags: number, attr: MountAttr): void;
  fsopen(fsname: string, flags: number): number;
  /** `value` null for FSCONFIG_SET_FLAG and FSCONFIG_CMD_CREATE. */
  fsconfig(fd: number, cmd: number, key: string | null, value: string | null, aux: number): void;
  fsmount(fd: number, flags: number, attrFlags: number): number;
  /** renameat2(2); RENAME_EXCHANGE swaps two names atomically (Linux 3.15). */
  renameat2(
    oldDirfd: number,
    oldPath: string,
    newDirfd: number,
    newPath: string,
    flags: number,
  ): void;
  /** setns(2): join the namespace `fd` refers to (`nstype` CLONE_NEW* or 0 for any). */
  setns(fd: number, nstype: number): void;
  /**
   * unshare(2) for the calling thread. `unshare(CLONE_FS)` gives this thread its own root and
   * cwd, which `setns(fd, CLONE_NEWNS)` needs in a threaded process such as bun (else EINVAL).
   */
  unshare(flags: number): void;
  /**
   * statx(2) asking for `mask` alone; returns the `stx_mask` the kernel filled in, i.e. which of
   * the asked fields it supports (a feature probe: STATX_MNT_ID_UNIQUE is Linux 6.8).
   */
  statxMask(dirfd: number, path: string, flags: number, mask: number): number;
  /**
   * Whether the kernel implements `statmount(2)` or `listmount(2)` (Linux 6.8). The call is made
   * with a NULL request, which the kernel refuses without doing anything; only ENOSYS is "no".
   */
  hasSyscall(name: "statmount" | "listmount"): boolean;
}
