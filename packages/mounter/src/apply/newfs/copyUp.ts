import { type BigIntStats, fstatSync, readSync, writeSync } from "node:fs";
import { AT_SYMLINK_NOFOLLOW } from "@ocimount/mount-flags";
import {
  O_CLOEXEC,
  O_CREAT,
  O_DIRECTORY,
  O_EXCL,
  O_NOFOLLOW,
  O_NONBLOCK,
  O_PATH,
  O_RDONLY,
  O_WRONLY,
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
} from "@ocimount/mount-flags/linux";
import { MountError } from "../../errors.ts";
import type { Syscalls } from "../../sys/Syscalls.ts";

/** Deeper than this is refused: the source is the container's, and the walk holds two fds a level. */
const MAX_DEPTH = 256;
const CHUNK = 1 << 16;
/** Owner changes a user namespace cannot make (unmapped IDs) are skipped, as `cp -a` does. */
const CHOWN_REFUSED = new Set(["EPERM", "EINVAL"]);
/** Extended attributes the kernel or filesystem refuses to copy are skipped (crun does the same). */
const XATTR_REFUSED = new Set(["ENOTSUP", "EOPNOTSUPP", "EPERM", "EACCES", "EINVAL"]);

interface Copy {
  sys: Syscalls;
  where: string;
  /** A file with more than one link, by `dev:ino`: where its first copy went (kept open). */
  links: Map<string, { dir: number; name: string }>;
  /** Directory fds of the copy kept open for `links`, closed at the end. */
  keep: Set<number>;
  /** The tmpfs's fd (the caller's). */
  root: number;
  buffer: Uint8Array;
}

/**
 * tmpcopyup, as crun's copy_recursive_fd_to_fd does it: copies the contents of the directory
 * `fromFd` (the one the tmpfs will cover, an O_PATH fd) into the detached tmpfs `toFd` before it
 * is attached, entirely through fds. Every source entry is opened `O_PATH|O_NOFOLLOW` relative to
 * its directory's fd and acted on by that fd: a symlink is copied as a symlink (its target
 * string, never followed), a directory is entered through its own fd, a regular file is
 * reopened by name `O_NOFOLLOW|O_NONBLOCK` and must be the same inode, device nodes, FIFOs and
 * sockets are recreated with mknodat. Owners, modes, access and modification times and
 * extended attributes are kept; hard links are kept where both names are inside the copy. No
 * `cp`, no /proc path: a directory swapped for a symlink to a host directory while the copy runs
 * is copied as that symlink, and a file swapped for another makes the copy fail (and setup
 * roll back). Throws `MountError` `ESYSCALL` (`op: "tmpcopyup"`) naming the entry.
 */
export function copyUp(sys: Syscalls, fromFd: number, toFd: number, where: string): void {
  const copy: Copy = {
    sys,
    where,
    links: new Map(),
    keep: new Set(),
    root: toFd,
    buffer: new Uint8Array(CHUNK),
  };
  const src = sys.openat(fromFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  try {
    copyDir(copy, src, toFd, "", 0);
  } finally {
    sys.close(src);
    for (const fd of copy.keep) sys.close(fd);
  }
}

function copyDir(copy: Copy, src: number, dst: number, path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw failure(copy, path, `deeper than ${MAX_DEPTH} directories`);
  for (const { name } of copy.sys.getdents(src)) {
    const entryPath = `${path}/${name}`;
    try {
      copyEntry(copy, src, dst, name, entryPath, depth);
    } catch (err) {
      throw err instanceof MountError ? err : failure(copy, entryPath, undefined, err);
    }
  }
}

function copyEntry(
  copy: Copy,
  src: number,
  dst: number,
  name: string,
  path: string,
  depth: number,
): void {
  const { sys } = copy;
  const entry = sys.openat(src, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  try {
    const st = fstatSync(entry, { bigint: true });
    const type = Number(st.mode) & S_IFMT;
    if (type !== S_IFDIR && st.nlink > 1n && linkToFirst(copy, st, dst, name)) return;
    if (type === S_IFDIR) {
      sys.mkdirat(dst, name, 0o700);
      const from = sys.openat(entry, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      const to = sys.openat(dst, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      try {
        copyDir(copy, from, to, path, depth + 1);
        copyXattrs(copy, from, to);
      } finally {
        sys.close(from);
        if (!copy.keep.has(to)) sys.close(to);
      }
    } else if (type === S_IFREG) copyFile(copy, src, dst, name, st, path);
    else if (type === S_IFLNK) sys.symlinkat(sys.readlinkat(entry, ""), dst, name);
    else sys.mknodat(dst, name, Number(st.mode), major(st.rdev), minor(st.rdev));
    keepAttributes(copy, dst, name, st, type);
    if (type !== S_IFDIR && st.nlink > 1n) {
      copy.links.set(`${st.dev}:${st.ino}`, { dir: dst, name });
      if (dst !== copy.root) copy.keep.add(dst); // the tmpfs's own fd is the caller's to close
    }
  } finally {
    sys.close(entry);
  }
}

/** A second name of a file already copied: a hard link to the copy. */
function linkToFirst(copy: Copy, st: BigIntStats, dst: number, name: string): boolean {
  const first = copy.links.get(`${st.dev}:${st.ino}`);
  if (!first) return false;
  copy.sys.linkat(first.dir, first.name, dst, name, 0);
  return true;
}

function copyFile(
  copy: Copy,
  src: number,
  dst: number,
  name: string,
  st: BigIntStats,
  path: string,
): void {
  const { sys } = copy;
  const from = sys.openat(src, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  try {
    const now = fstatSync(from, { bigint: true });
    if (now.dev !== st.dev || now.ino !== st.ino)
      throw failure(copy, path, "the file was replaced during the copy");
    const to = sys.openat(dst, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600);
    try {
      for (;;) {
        const n = readSync(from, copy.buffer, 0, CHUNK, null);
        if (n === 0) break;
        for (let done = 0; done < n; ) done += writeSync(to, copy.buffer, done, n - done);
      }
      copyXattrs(copy, from, to);
    } finally {
      sys.close(to);
    }
  } finally {
    sys.close(from);
  }
}

function keepAttributes(
  copy: Copy,
  dst: number,
  name: string,
  st: BigIntStats,
  type: number,
): void {
  const { sys } = copy;
  try {
    sys.fchownat(dst, name, Number(st.uid), Number(st.gid), AT_SYMLINK_NOFOLLOW);
  } catch (err) {
    if (!CHOWN_REFUSED.has((err as { code?: string }).code ?? "")) throw err;
  }
  // After the owner: chown clears set-user-ID and set-group-ID bits. A symlink has no mode.
  if (type !== S_IFLNK) sys.fchmodat(dst, name, Number(st.mode) & 0o7777, 0);
  sys.utimensat(dst, name, st.atimeNs, st.mtimeNs, AT_SYMLINK_NOFOLLOW);
}

function copyXattrs(copy: Copy, from: number, to: number): void {
  const { sys } = copy;
  let names: string[];
  try {
    names = sys.flistxattr(from);
  } catch (err) {
    if (XATTR_REFUSED.has((err as { code?: string }).code ?? "")) return;
    throw err;
  }
  for (const name of names) {
    try {
      sys.fsetxattr(to, name, sys.fgetxattr(from, name), 0);
    } catch (err) {
      if (!XATTR_REFUSED.has((err as { code?: string }).code ?? "")) throw err;
    }
  }
}

/** glibc's major(): bits 8-19 and 32-43 of the device number. */
function major(rdev: bigint): number {
  return Number(((rdev >> 8n) & 0xfffn) | ((rdev >> 32n) & ~0xfffn));
}

/** glibc's minor(): bits 0-7 and 20-31 of the device number. */
function minor(rdev: bigint): number {
  return Number((rdev & 0xffn) | ((rdev >> 12n) & ~0xffn));
}

function failure(copy: Copy, path: string, detail?: string, cause?: unknown): MountError {
  const why = detail ?? (cause instanceof Error ? cause.message : String(cause));
  return new MountError({
    code: "ESYSCALL",
    op: "tmpcopyup",
    where: copy.where,
    target: path || "/",
    errno: (cause as { errno?: number } | undefined)?.errno,
    detail: why,
    cause,
  });
}
