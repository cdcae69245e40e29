import { closeSync, constants, openSync, realpathSync, statSync } from "node:fs";
import { MountError } from "../errors.ts";
import { LOCK_EX, LOCK_NB } from "../sys/constants.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { journalPath } from "./journalPath.ts";
import { readJournal } from "./readJournal.ts";
import { type SetupRecord, summarizeJournal } from "./SetupRecord.ts";
import { trustedStateDir } from "./trustedState.ts";

/** A bundle's journal, read, checked and locked: close it when done (that drops the lock). */
export interface OpenJournal {
  path: string;
  record: SetupRecord;
  close(): void;
}

/**
 * Finds, locks and reads the journal of `bundleDir` in a trusted state dir (`trustedStateDir`):
 * `null` when there is none. The lock (flock LOCK_EX|LOCK_NB, the one setup holds while it runs)
 * makes a teardown or status racing a setup refuse with `EBUSY` instead of acting on half a
 * journal. The journal must be about this bundle: its recorded real path is the bundle's, and
 * its rootfs still the same directory (device and inode); else `EUNSAFE`.
 */
export function openJournal(
  sys: Syscalls,
  bundleDir: string,
  stateDir: string,
): OpenJournal | null {
  if (trustedStateDir(stateDir, false) === null) return null;
  const path = journalPath(bundleDir, stateDir);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code !== "ELOOP") throw err;
    fd = -1; // readJournal refuses the symlink with EUNSAFE below.
  }
  const close = () => {
    if (fd >= 0) closeSync(fd);
    fd = -1;
  };
  try {
    if (fd >= 0) lock(sys, fd, path);
    const entries = readJournal(path);
    if (!entries) {
      close();
      return null;
    }
    const record = summarizeJournal(entries);
    checkBelongs(record, bundleDir, path);
    return { path, record, close };
  } catch (err) {
    close();
    throw err;
  }
}

function lock(sys: Syscalls, fd: number, path: string): void {
  try {
    sys.flock(fd, LOCK_EX | LOCK_NB);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== "EAGAIN" && code !== "EWOULDBLOCK") throw err;
    throw new MountError({
      code: "EJOURNAL",
      op: "lock",
      target: path,
      errno: 11,
      detail: "a setup or teardown of this bundle is running (its journal is locked)",
      cause: err,
    });
  }
}

function checkBelongs(record: SetupRecord, bundleDir: string, path: string): void {
  const { begin } = record;
  const real = realpathSync(bundleDir);
  const unsafe = (detail: string) =>
    new MountError({ code: "EUNSAFE", op: "read", target: path, detail });
  if (begin.bundleDir !== real)
    throw unsafe(`the journal is about bundle ${begin.bundleDir}, not ${real}`);
  let st: { dev: bigint; ino: bigint } | undefined;
  try {
    st = statSync(begin.rootfsReal, { bigint: true });
  } catch {}
  if (!st || String(st.dev) !== begin.rootfsDev || String(st.ino) !== begin.rootfsIno)
    throw unsafe(`the journal's rootfs ${begin.rootfsReal} is no longer the directory setup used`);
}
