import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { DEFAULT_OVERFLOWUID, S_ISVTX } from "@ocimount/mount-flags/linux";
import { inUserNamespace } from "../apply/attrs/inUserNamespace.ts";
import { MountError } from "../errors.ts";

/** The uid a user namespace shows for owners it does not map (/proc/sys/kernel/overflowuid). */
const OVERFLOW_UID = DEFAULT_OVERFLOWUID;

/**
 * Checks that a state dir can be trusted, as ssh's StrictModes and systemd's unsafe-path checks
 * do: the directory itself is not a symlink, is owned by the caller's euid and writable by nobody
 * else (no group or other write bit); every ancestor of its real path is owned by root or the
 * caller and not writable by group or others unless sticky (`/tmp`). With `create`, a missing
 * state dir is made 0700 first. Returns its real path, or `null` when it does not exist (and
 * `create` is false). Throws `MountError` `EUNSAFE` naming the path and the reason.
 */
export function trustedStateDir(stateDir: string, create: boolean): string | null {
  if (create) mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  let st: Stats;
  try {
    st = lstatSync(stateDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" && !create) return null;
    throw unsafe(stateDir, String((err as Error).message), err);
  }
  if (st.isSymbolicLink()) throw unsafe(stateDir, "it is a symlink");
  if (!st.isDirectory()) throw unsafe(stateDir, "not a directory");
  checkOwned(stateDir, st, "state dir");
  const real = realpathSync(stateDir);
  const euid = process.geteuid?.() ?? 0;
  // In a user namespace, root's directories (/, /tmp) show the overflow uid: root outside.
  const overflow = inUserNamespace() ? OVERFLOW_UID : 0;
  for (let dir = dirname(real); ; dir = dirname(dir)) {
    const a = lstatSync(dir);
    if (a.uid !== 0 && a.uid !== euid && a.uid !== overflow)
      throw unsafe(stateDir, `its parent ${dir} is owned by uid ${a.uid}`);
    if (a.mode & 0o022 && !(a.mode & S_ISVTX))
      throw unsafe(stateDir, `its parent ${dir} is writable by others (mode ${octal(a.mode)})`);
    if (dir === "/") break;
  }
  return real;
}

/** Throws `EUNSAFE` unless `st` (of `path`) is owned by the caller's euid and not group/other-writable. */
export function checkOwned(path: string, st: Stats, what: string): void {
  const euid = process.geteuid?.() ?? 0;
  if (st.uid !== euid)
    throw unsafe(path, `${what} owned by uid ${st.uid}, not by uid ${euid} (the caller)`);
  if (st.mode & 0o022)
    throw unsafe(path, `${what} writable by group or others (mode ${octal(st.mode)})`);
}

/**
 * Reads a journal that must be trusted: opened O_NOFOLLOW|O_NONBLOCK (a symlink or a FIFO planted
 * in its place is refused, never followed or waited on), a regular file owned by the caller and
 * writable by nobody else. `null` when it does not exist.
 */
export function readTrustedFile(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ELOOP") throw unsafe(path, "the journal is a symlink");
    throw new MountError({
      code: "EJOURNAL",
      op: "read",
      target: path,
      detail: String(err),
      cause: err,
    });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw unsafe(path, "the journal is not a regular file");
    checkOwned(path, st, "journal");
    return readAll(fd, st.size);
  } finally {
    closeSync(fd);
  }
}

function readAll(fd: number, size: number): string {
  const buf = Buffer.allocUnsafe(size);
  let got = 0;
  while (got < size) {
    const n = readSync(fd, buf, got, size - got, got);
    if (n === 0) break;
    got += n;
  }
  return buf.toString("utf8", 0, got);
}

/**
 * Throws `EUNSAFE` when `stateDir` is the rootfs or inside it (checked on the real path of its
 * deepest existing ancestor, so before anything is created there).
 */
export function checkOutsideRootfs(stateDir: string, rootfsReal: string): void {
  const stateDirReal = realPathSoFar(resolve(stateDir));
  const rel = relative(rootfsReal, stateDirReal);
  if (rel === "" || (rel !== ".." && !rel.startsWith("../") && !rel.startsWith("/")))
    throw unsafe(stateDirReal, `the state dir is inside the rootfs ${rootfsReal}`);
}

/** The real path of `path`'s deepest existing ancestor, joined with the rest. */
function realPathSoFar(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathSoFar(parent), basename(path));
  }
}

function unsafe(path: string, why: string, cause?: unknown): MountError {
  return new MountError({ code: "EUNSAFE", op: "state", target: path, detail: why, cause });
}

function octal(mode: number): string {
  return `0${(mode & 0o7777).toString(8)}`;
}
