import { close as closeAsync, readFileSync, readlinkSync } from "node:fs";
import {
  FSMOUNT_CLOEXEC,
  FSOPEN_CLOEXEC,
  MOUNT_ATTR_SIZE_VER0,
  OPEN_TREE_CLOEXEC,
} from "@ocimount/mount-flags";
import { ERRNO } from "@ocimount/mount-flags/errors";
import {
  AT_FDCWD,
  O_CLOEXEC,
  O_RDONLY,
  OPEN_HOW_SIZE,
  PATH_MAX,
  STATMOUNT_MNT_BASIC,
  STATMOUNT_MNT_POINT,
  STATMOUNT_STRINGS_AT,
  STATX_BASIC_STATS,
  STATX_BTIME,
  STATX_MNT_ID,
  STATX_MNT_ID_UNIQUE,
  SYS_fsconfig,
  SYS_fsmount,
  SYS_fsopen,
  SYS_listmount,
  SYS_mount_setattr,
  SYS_move_mount,
  SYS_open_tree,
  SYS_openat2,
  SYS_statmount,
} from "@ocimount/mount-flags/linux";
import { cString, cStringOrNull } from "./cstring.ts";
import { loadLibc } from "./libc.ts";
import { SyscallError } from "./SyscallError.ts";
import type { DirEntry, Syscalls } from "./Syscalls.ts";
import {
  decodeIds,
  decodeStatfs,
  decodeStatmount,
  decodeStatx,
  decodeStatxMask,
  decodeUniqueMountId,
  encodeMntIdReq,
  encodeMountAttr,
  encodeOpenHow,
  statfsBuffer,
  statxBuffer,
} from "./structs.ts";
import { createUserNamespace } from "./userNamespace.ts";

/** Symlink targets are at most PATH_MAX - 1 bytes on Linux; larger ones retry with more room. */
const LINK_BUFFER = PATH_MAX;
const decoder = new TextDecoder();
/** The getdents64 buffer: many entries per call. */
const DIRENT_BUFFER = 32768;
/** EOVERFLOW: the statmount buffer was too small for the strings asked; ERANGE: an xattr one. */
const { ENOSYS, EOVERFLOW, ERANGE } = ERRNO;
/** How many IDs one listmount call returns at most before the next page is asked. */
const LISTMOUNT_PAGE = 4096;

let listmountPage: Uint8Array | undefined;
let statmountBytes: Uint8Array | undefined;

/** How an error names an `(dirfd, path)` pair: the path, or `fd N` for an empty path. */
function at(dirfd: number, path: string): string {
  return path === "" ? `fd ${dirfd}` : path;
}

/** The positive errno of a node:fs error (libuv gives it negated), EIO if there is none. */
function nodeErrno(err: unknown): number {
  const errno = (err as NodeJS.ErrnoException).errno;
  return typeof errno === "number" && errno !== 0 ? Math.abs(errno) : 5;
}

/** A kernel text file read whole; a failure is a SyscallError `read` with the real errno. */
function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new SyscallError("read", nodeErrno(err), { path });
  }
}

/**
 * The real `Syscalls`, through bun:ffi against glibc's libc.so.6. Creating it loads nothing;
 * libc is dlopened on the first call. Every method throws `SyscallError` (op, errno name and
 * number, paths, flags) on failure, with errno read right after the failing call. Every fd
 * it returns is close-on-exec: O_CLOEXEC, OPEN_TREE_CLOEXEC, FSOPEN_CLOEXEC and FSMOUNT_CLOEXEC
 * are always added. Linux 5.2+ (openat2 5.6, mount_setattr 5.12) on x86-64 or arm64 only;
 * paths are UTF-8, and link targets that are not valid UTF-8 are not read back faithfully.
 */
export function createSyscalls(): Syscalls {
  const sys: Syscalls = {
    openat(dirfd, path, flags, mode = 0) {
      const c = loadLibc();
      const fd = c.fn.openat(dirfd, cString("openat", path), flags | O_CLOEXEC, mode);
      if (fd < 0) throw new SyscallError("openat", c.errno(), { path: at(dirfd, path), flags });
      return fd;
    },
    openat2(dirfd, path, how) {
      const c = loadLibc();
      const bytes = encodeOpenHow({ ...how, flags: how.flags | O_CLOEXEC });
      const p = cString("openat2", path);
      const fd = c.syscall("ippi", SYS_openat2, dirfd, p, bytes, OPEN_HOW_SIZE);
      if (fd < 0) {
        throw new SyscallError("openat2", c.errno(), { path: at(dirfd, path), flags: how.flags });
      }
      return fd;
    },
    close(fd) {
      const c = loadLibc();
      if (c.fn.close(fd) < 0) throw new SyscallError("close", c.errno(), { path: `fd ${fd}` });
    },
    async closeInParallel(fds) {
      // node:fs's callback close runs on the runtime's thread pool, so the closes overlap.
      const closing = fds.map(
        (fd) =>
          new Promise<void>((resolve, reject) =>
            closeAsync(fd, (err) =>
              err
                ? reject(new SyscallError("close", nodeErrno(err), { path: `fd ${fd}` }))
                : resolve(),
            ),
          ),
      );
      const failed = (await Promise.allSettled(closing)).find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    },
    mkdirat(dirfd, path, mode) {
      const c = loadLibc();
      if (c.fn.mkdirat(dirfd, cString("mkdirat", path), mode) < 0) {
        throw new SyscallError("mkdirat", c.errno(), { path: at(dirfd, path) });
      }
    },
    unlinkat(dirfd, path, flags) {
      const c = loadLibc();
      if (c.fn.unlinkat(dirfd, cString("unlinkat", path), flags) < 0) {
        throw new SyscallError("unlinkat", c.errno(), { path: at(dirfd, path), flags });
      }
    },
    readlinkat(dirfd, path) {
      const c = loadLibc();
      const p = cString("readlinkat", path);
      for (let size = LINK_BUFFER; ; size *= 4) {
        const buf = new Uint8Array(size);
        const n = c.fn.readlinkat(dirfd, p, buf, size);
        if (n < 0) throw new SyscallError("readlinkat", c.errno(), { path: at(dirfd, path) });
        if (n < size) return decoder.decode(buf.subarray(0, n));
      }
    },
    fdPath(fd) {
      // node:fs, not libc: display and checks need no dlopen.
      try {
        return readlinkSync(`/proc/thread-self/fd/${fd}`);
      } catch (err) {
        throw new SyscallError("readlink", nodeErrno(err), { path: `fd ${fd}` }, { cause: err });
      }
    },
    symlinkat(target, dirfd, path) {
      const c = loadLibc();
      const t = cString("symlinkat", target, 0);
      if (c.fn.symlinkat(t, dirfd, cString("symlinkat", path, 1)) < 0) {
        throw new SyscallError("symlinkat", c.errno(), { source: target, path: at(dirfd, path) });
      }
    },
    read(fd, size) {
      const c = loadLibc();
      const buf = new Uint8Array(size);
      const n = Number(c.fn.read(fd, buf, size));
      if (n < 0) throw new SyscallError("read", c.errno(), { path: `fd ${fd}` });
      return decoder.decode(buf.subarray(0, n));
    },
    mountInfo() {
      return readText("/proc/thread-self/mountinfo");
    },
    uidMap() {
      return readText("/proc/self/uid_map");
    },
    readTextFile: readText,
    userNamespace(uidMap, gidMap) {
      return createUserNamespace(uidMap, gidMap, (ns) =>
        sys.openat(AT_FDCWD, ns, O_RDONLY | O_CLOEXEC),
      );
    },
    statx(dirfd, path, flags) {
      const c = loadLibc();
      const buf = statxBuffer();
      const mask = STATX_BASIC_STATS | STATX_BTIME | STATX_MNT_ID;
      if (c.fn.statx(dirfd, cString("statx", path), flags, mask, buf) < 0) {
        throw new SyscallError("statx", c.errno(), { path: at(dirfd, path), flags });
      }
      return decodeStatx(buf);
    },
    statxMask(dirfd, path, flags, mask) {
      const c = loadLibc();
      const buf = statxBuffer();
      if (c.fn.statx(dirfd, cString("statx", path), flags, mask, buf) < 0) {
        throw new SyscallError("statx", c.errno(), { path: at(dirfd, path), flags });
      }
      return decodeStatxMask(buf);
    },
    hasSyscall(name) {
      const c = loadLibc();
      const nr = name === "statmount" ? SYS_statmount : SYS_listmount;
      // (req = NULL, buf = NULL, size = 0, flags = 0): EFAULT from a kernel that has the call.
      return c.syscall("ippi", nr, 0, null, null, 0) >= 0 || c.errno() !== ENOSYS;
    },
    uniqueMountId(dirfd, path, flags) {
      const c = loadLibc();
      const buf = statxBuffer();
      if (c.fn.statx(dirfd, cString("statx", path), flags, STATX_MNT_ID_UNIQUE, buf) < 0) {
        throw new SyscallError("statx", c.errno(), { path: at(dirfd, path), flags });
      }
      return decodeUniqueMountId(buf);
    },
    listmount(uniqueId, after = 0) {
      const c = loadLibc();
      const ids: number[] = [];
      // One page, reused: setup asks once per recursive bind, and 32 KiB zeroed per call was
      // a third of setup's time at 1000 binds (bench/vs-crun).
      listmountPage ??= new Uint8Array(LISTMOUNT_PAGE * 8);
      const buf = listmountPage;
      for (let last = after; ; ) {
        const n = c.syscall(
          "ppii",
          SYS_listmount,
          encodeMntIdReq(uniqueId, last),
          buf,
          LISTMOUNT_PAGE,
          0,
        );
        if (n < 0) throw new SyscallError("listmount", c.errno(), { path: `mount ${uniqueId}` });
        const page = decodeIds(buf, n);
        for (const id of page) ids.push(id);
        if (n < LISTMOUNT_PAGE) return ids;
        last = page[page.length - 1] as number;
      }
    },
    statmount(uniqueId) {
      const c = loadLibc();
      const mask = STATMOUNT_MNT_BASIC | STATMOUNT_MNT_POINT;
      for (let size = STATMOUNT_STRINGS_AT + LINK_BUFFER; ; size *= 4) {
        // The usual size is reused (once per mount setup attaches); larger ones are one-offs.
        statmountBytes ??= new Uint8Array(size);
        const buf = size === statmountBytes.length ? statmountBytes : new Uint8Array(size);
        const req = encodeMntIdReq(uniqueId, mask);
        if (c.syscall("ppii", SYS_statmount, req, buf, size, 0) >= 0) return decodeStatmount(buf);
        const errno = c.errno();
        if (errno !== EOVERFLOW || size > 1 << 20)
          throw new SyscallError("statmount", errno, { path: `mount ${uniqueId}` });
      }
    },
    getdents(fd) {
      const c = loadLibc();
      const out: DirEntry[] = [];
      const buf = new Uint8Array(DIRENT_BUFFER);
      const view = new DataView(buf.buffer);
      for (;;) {
        const n = Number(c.fn.getdents64(fd, buf, DIRENT_BUFFER));
        if (n < 0) throw new SyscallError("getdents64", c.errno(), { path: `fd ${fd}` });
        if (n === 0) return out;
        // struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
        for (let at = 0; at < n; ) {
          const reclen = view.getUint16(at + 16, true);
          const type = buf[at + 18] as number;
          const end = buf.indexOf(0, at + 19);
          const name = decoder.decode(buf.subarray(at + 19, end < 0 ? at + reclen : end));
          if (name !== "." && name !== "..") out.push({ name, type });
          at += reclen;
        }
      }
    },
    mknodat(dirfd, name, mode, major, minor) {
      const c = loadLibc();
      // glibc's makedev: the low 8 bits of minor, 12 of major, then the rest of each.
      const dev =
        BigInt(minor & 0xff) |
        (BigInt(major & 0xfff) << 8n) |
        (BigInt(minor >>> 8) << 20n) |
        (BigInt(major >>> 12) << 32n);
      if (c.fn.mknodat(dirfd, cString("mknodat", name), mode, dev) < 0)
        throw new SyscallError("mknodat", c.errno(), { path: at(dirfd, name) });
    },
    linkat(oldDirfd, oldName, newDirfd, newName, flags) {
      const c = loadLibc();
      const from = cString("linkat", oldName, 0);
      if (c.fn.linkat(oldDirfd, from, newDirfd, cString("linkat", newName, 1), flags) < 0)
        throw new SyscallError("linkat", c.errno(), {
          source: at(oldDirfd, oldName),
          target: at(newDirfd, newName),
        });
    },
    fchownat(dirfd, name, uid, gid, flags) {
      const c = loadLibc();
      if (c.fn.fchownat(dirfd, cString("fchownat", name), uid, gid, flags) < 0)
        throw new SyscallError("fchownat", c.errno(), { path: at(dirfd, name), flags });
    },
    fchmodat(dirfd, name, mode, flags) {
      const c = loadLibc();
      if (c.fn.fchmodat(dirfd, cString("fchmodat", name), mode, flags) < 0)
        throw new SyscallError("fchmodat", c.errno(), { path: at(dirfd, name), flags });
    },
    utimensat(dirfd, name, atimeNs, mtimeNs, flags) {
      const c = loadLibc();
      const times = new BigInt64Array([
        atimeNs / 1_000_000_000n,
        atimeNs % 1_000_000_000n,
        mtimeNs / 1_000_000_000n,
        mtimeNs % 1_000_000_000n,
      ]);
      if (c.fn.utimensat(dirfd, cString("utimensat", name), times, flags) < 0)
        throw new SyscallError("utimensat", c.errno(), { path: at(dirfd, name), flags });
    },
    flistxattr(fd) {
      const c = loadLibc();
      for (let size = 4096; ; size *= 4) {
        const buf = new Uint8Array(size);
        const n = Number(c.fn.flistxattr(fd, buf, size));
        if (n < 0) {
          const errno = c.errno();
          if (errno === ERANGE && size < 1 << 20) continue;
          throw new SyscallError("flistxattr", errno, { path: `fd ${fd}` });
        }
        return decoder.decode(buf.subarray(0, n)).split("\0").filter(Boolean);
      }
    },
    fgetxattr(fd, name) {
      const c = loadLibc();
      for (let size = 4096; ; size *= 4) {
        const buf = new Uint8Array(size);
        const n = Number(c.fn.fgetxattr(fd, cString("fgetxattr", name), buf, size));
        if (n < 0) {
          const errno = c.errno();
          if (errno === ERANGE && size < 1 << 20) continue;
          throw new SyscallError("fgetxattr", errno, { path: `fd ${fd} ${name}` });
        }
        return buf.slice(0, n);
      }
    },
    fsetxattr(fd, name, value, flags) {
      const c = loadLibc();
      if (c.fn.fsetxattr(fd, cString("fsetxattr", name), value, value.length, flags) < 0)
        throw new SyscallError("fsetxattr", c.errno(), { path: `fd ${fd} ${name}`, flags });
    },
    flock(fd, operation) {
      const c = loadLibc();
      if (c.fn.flock(fd, operation) < 0)
        throw new SyscallError("flock", c.errno(), { path: `fd ${fd}`, flags: operation });
    },
    fstatfs(fd) {
      const c = loadLibc();
      const buf = statfsBuffer();
      if (c.fn.fstatfs(fd, buf) < 0)
        throw new SyscallError("fstatfs", c.errno(), { path: `fd ${fd}` });
      return decodeStatfs(buf);
    },
    mount(source, target, fstype, flags, data) {
      const c = loadLibc();
      const src = cStringOrNull("mount", source, 0);
      const dst = cString("mount", target, 1);
      const type = cStringOrNull("mount", fstype, 2);
      if (c.fn.mount(src, dst, type, flags, cStringOrNull("mount", data, 3)) < 0) {
        throw new SyscallError("mount", c.errno(), { source: source ?? undefined, target, flags });
      }
    },
    umount2(target, flags) {
      const c = loadLibc();
      if (c.fn.umount2(cString("umount2", target), flags) < 0) {
        throw new SyscallError("umount2", c.errno(), { target, flags });
      }
    },
    openTree(dirfd, path, flags) {
      const c = loadLibc();
      const p = cString("open_tree", path);
      const fd = c.syscall("ipi", SYS_open_tree, dirfd, p, flags | OPEN_TREE_CLOEXEC);
      if (fd < 0) throw new SyscallError("open_tree", c.errno(), { path: at(dirfd, path), flags });
      return fd;
    },
    moveMount(fromDirfd, fromPath, toDirfd, toPath, flags) {
      const c = loadLibc();
      const from = cString("move_mount", fromPath, 0);
      const to = cString("move_mount", toPath, 1);
      if (c.syscall("ipipi", SYS_move_mount, fromDirfd, from, toDirfd, to, flags) < 0) {
        throw new SyscallError("move_mount", c.errno(), {
          source: at(fromDirfd, fromPath),
          target: at(toDirfd, toPath),
          flags,
        });
      }
    },
    mountSetattr(dirfd, path, flags, attr) {
      const c = loadLibc();
      const p = cString("mount_setattr", path);
      const bytes = encodeMountAttr(attr);
      if (c.syscall("ipipi", SYS_mount_setattr, dirfd, p, flags, bytes, MOUNT_ATTR_SIZE_VER0) < 0) {
        throw new SyscallError("mount_setattr", c.errno(), { path: at(dirfd, path), flags });
      }
    },
    fsopen(fsname, flags) {
      const c = loadLibc();
      const fd = c.syscall("pi", SYS_fsopen, cString("fsopen", fsname), flags | FSOPEN_CLOEXEC);
      if (fd < 0) throw new SyscallError("fsopen", c.errno(), { source: fsname, flags });
      return fd;
    },
    fsconfig(fd, cmd, key, value, aux) {
      const c = loadLibc();
      const k = cStringOrNull("fsconfig", key, 0);
      const v = cStringOrNull("fsconfig", value, 1);
      if (c.syscall("iippi", SYS_fsconfig, fd, cmd, k, v, aux) < 0) {
        const what = key === null ? `fd ${fd}` : `${key}${value === null ? "" : `=${value}`}`;
        throw new SyscallError("fsconfig", c.errno(), { path: what, flags: cmd });
      }
    },
    fsmount(fd, flags, attrFlags) {
      const c = loadLibc();
      const mfd = c.syscall("iii", SYS_fsmount, fd, flags | FSMOUNT_CLOEXEC, attrFlags);
      if (mfd < 0) throw new SyscallError("fsmount", c.errno(), { path: `fd ${fd}`, flags });
      return mfd;
    },
    renameat2(oldDirfd, oldPath, newDirfd, newPath, flags) {
      const c = loadLibc();
      const from = cString("renameat2", oldPath, 0);
      const to = cString("renameat2", newPath, 1);
      if (c.fn.renameat2(oldDirfd, from, newDirfd, to, flags) < 0) {
        throw new SyscallError("renameat2", c.errno(), {
          source: at(oldDirfd, oldPath),
          target: at(newDirfd, newPath),
          flags,
        });
      }
    },
    setns(fd, nstype) {
      const c = loadLibc();
      if (c.fn.setns(fd, nstype) < 0) {
        throw new SyscallError("setns", c.errno(), { path: `fd ${fd}`, flags: nstype });
      }
    },
    unshare(flags) {
      const c = loadLibc();
      if (c.fn.unshare(flags) < 0) throw new SyscallError("unshare", c.errno(), { flags });
    },
  };
  return sys;
}
