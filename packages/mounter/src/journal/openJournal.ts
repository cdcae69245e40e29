import {
  closeSync,
  constants,
  existsSync,
  openSync,
  readdirSync,
  realpathSync,
  statSync,
} from "node:fs";
import { join } from "node:path";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { LOCK_EX, LOCK_NB, LOCK_SH, LOCK_UN } from "@ocimount/mount-flags/linux";
import { MountError } from "../errors.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { BeginEntry } from "./JournalEntry.ts";
import { journalPath } from "./journalPath.ts";
import { readJournal } from "./readJournal.ts";
import { type SetupRecord, summarizeJournal } from "./SetupRecord.ts";
import { trustedStateDir } from "./trustedState.ts";

/** A bundle's journal, read, checked and locked: close it when done (that drops the lock). */
export interface OpenJournal {
  path: string;
  record: SetupRecord;
  /** With `lock: "probe"`: true when a setup or teardown held the lock (it is running now). */
  busy: boolean;
  close(): void;
}

/**
 * Finds, locks and reads the journal of `bundleDir` in a trusted state dir (`trustedStateDir`):
 * `null` when there is none. The lock (flock LOCK_EX|LOCK_NB, the one setup holds while it runs)
 * makes a teardown racing a setup refuse (`EJOURNAL`, EAGAIN) instead of acting on half a
 * journal; `lock: "probe"` (status, list) only looks whether it is held and says so in `busy`.
 * The journal must be about this bundle: its recorded real path is the bundle's, and
 * its rootfs still the same directory (device and inode); else `EUNSAFE`.
 */
export function openJournal(
  sys: Syscalls,
  bundleDir: string,
  stateDir: string,
  lock: "exclusive" | "probe" = "exclusive",
): OpenJournal | null {
  if (trustedStateDir(stateDir, false) === null) return null;
  const path = journalPath(bundleDir, stateDir);
  if (!existsSync(path)) {
    // Renamed or moved since setup: the journal that recorded this very directory.
    const moved = journalByInode(bundleDir, stateDir);
    if (moved) return openAt(sys, moved, bundleDir, lock);
  }
  return openAt(sys, path, bundleDir, lock);
}

/** The journal of a state dir whose bundle is `bundleDir`'s device and inode, if any. */
function journalByInode(bundleDir: string, stateDir: string): string | undefined {
  const st = statSync(bundleDir, { bigint: true });
  for (const name of readdirSync(stateDir)) {
    if (!name.endsWith(".jsonl")) continue;
    const path = join(stateDir, name);
    let begin: BeginEntry | undefined;
    try {
      begin = readJournal(path)?.[0] as BeginEntry | undefined;
    } catch {
      continue; // an unreadable journal is no candidate (`ocimount list` shows why)
    }
    if (begin && begin.bundleDev === String(st.dev) && begin.bundleIno === String(st.ino))
      return path;
  }
  return undefined;
}

function openAt(
  sys: Syscalls,
  path: string,
  bundleDir: string,
  mode: "exclusive" | "probe",
): OpenJournal | null {
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
    let busy = false;
    if (fd >= 0 && mode === "exclusive") lock(sys, fd, path);
    else if (fd >= 0) busy = isLocked(sys, fd);
    const entries = readJournal(path);
    if (!entries) {
      close();
      return null;
    }
    const record = checkBelongs(summarizeJournal(entries), bundleDir, path);
    return { path, record, busy, close };
  } catch (err) {
    close();
    throw err;
  }
}

/** Whether another process holds the journal's lock (taken and dropped at once if not). */
function isLocked(sys: Syscalls, fd: number): boolean {
  try {
    sys.flock(fd, LOCK_SH | LOCK_NB);
    sys.flock(fd, LOCK_UN);
    return false;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "EAGAIN" || code === "EWOULDBLOCK") return true;
    throw err;
  }
}

/**
 * How long a teardown waits for the journal's lock before it refuses: long enough for a
 * `status` or `list` probe (which holds LOCK_SH for two system calls) to let go, far shorter
 * than any setup, which holds LOCK_EX from its first step to its last.
 */
const LOCK_WAIT_MS = 200;
const LOCK_RETRY_MS = 5;

function lock(sys: Syscalls, fd: number, path: string): void {
  const deadline = performance.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      sys.flock(fd, LOCK_EX | LOCK_NB);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== "EAGAIN" && code !== "EWOULDBLOCK") throw err;
      if (performance.now() >= deadline) throw lockedError(path, err);
    }
    Bun.sleepSync(LOCK_RETRY_MS);
  }
}

function lockedError(path: string, cause: unknown): MountError {
  return new MountError({
    code: "EJOURNAL",
    op: "lock",
    target: path,
    errno: ERRNO.EAGAIN,
    detail: "a setup or teardown of this bundle is running (its journal is locked)",
    cause,
  });
}

/**
 * The record of a bundle renamed or moved since setup, with the paths inside it (the rootfs,
 * where each mount sits) moved along, as mountinfo now shows them. Unchanged otherwise.
 */
function rebased(record: SetupRecord, bundleNow: string): SetupRecord {
  const was = record.begin.bundleDir;
  if (was === bundleNow) return record;
  const move = (p: string) =>
    p === was || p.startsWith(`${was}/`) ? bundleNow + p.slice(was.length) : p;
  const moveId = <T extends { at: string }>(m: T): T => ({ ...m, at: move(m.at) });
  return {
    ...record,
    begin: { ...record.begin, bundleDir: bundleNow, rootfsReal: move(record.begin.rootfsReal) },
    mounts: record.mounts.map((m) => ({
      ...m,
      identity: moveId(m.identity),
      below: m.below.map(moveId),
    })),
    pending: record.pending.map(moveId),
  };
}

/**
 * Checks the journal is about this bundle (its recorded real path, or the same directory by
 * device and inode when it was renamed) and that its rootfs is still the directory setup used;
 * returns the record with its paths moved along with a renamed bundle. Else `EUNSAFE`.
 */
function checkBelongs(record: SetupRecord, bundleDir: string, path: string): SetupRecord {
  const { begin } = record;
  const real = realpathSync(bundleDir);
  const unsafe = (detail: string) =>
    new MountError({ code: "EUNSAFE", op: "read", target: path, detail });
  const st = statSync(real, { bigint: true });
  const same = begin.bundleDev === String(st.dev) && begin.bundleIno === String(st.ino);
  if (begin.bundleDir !== real && !same)
    throw unsafe(`the journal is about bundle ${begin.bundleDir}, not ${real}`);
  const now = rebased(record, real);
  let root: { dev: bigint; ino: bigint } | undefined;
  try {
    root = statSync(now.begin.rootfsReal, { bigint: true });
  } catch {}
  if (!root || String(root.dev) !== begin.rootfsDev || String(root.ino) !== begin.rootfsIno)
    throw unsafe(
      `the journal's rootfs ${now.begin.rootfsReal} is no longer the directory setup used`,
    );
  return now;
}
