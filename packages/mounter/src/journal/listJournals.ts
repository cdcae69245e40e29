import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { MountError } from "../errors.ts";
import { type StatusReport, statusOfRecord } from "../status.ts";
import { createSyscalls } from "../sys/ffi.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { DEFAULT_STATE_DIR } from "./journalPath.ts";
import { readJournal } from "./readJournal.ts";
import { summarizeJournal } from "./SetupRecord.ts";
import { trustedStateDir } from "./trustedState.ts";

/** One journal of a state dir, as `ocimount list` shows it. */
export interface JournalListing {
  journalPath: string;
  /** The bundle the journal is about, as recorded. */
  bundleDir?: string;
  /** `here`: that path is still the same directory (device and inode); `moved`: it is not. */
  bundle?: "here" | "moved";
  rootfs?: string;
  /** `mnt:[N]` of the namespace setup ran in. */
  namespace?: string;
  startedAt?: string;
  pid?: number;
  /** The status verdict in this namespace, or `unreadable` (with `error`). */
  state: StatusReport["state"] | "unreadable";
  proof?: StatusReport["proof"];
  mounts?: number;
  error?: string;
}

/**
 * Every journal in a (trusted) state dir with its bundle, namespace and state: `set-up`,
 * `partial`, `drifted`, `stale`, `foreign-namespace`, or `unreadable` for one that cannot be
 * read or trusted (with the reason). Empty when the state dir does not exist. Throws
 * `MountError` `EUNSAFE` for an untrusted state dir.
 */
export function listJournals(
  options: { stateDir?: string; sys?: Syscalls } = {},
): JournalListing[] {
  const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
  if (trustedStateDir(stateDir, false) === null) return [];
  const sys = options.sys ?? createSyscalls();
  const out: JournalListing[] = [];
  for (const name of readdirSync(stateDir).sort()) {
    if (!name.endsWith(".jsonl")) continue;
    const journalPath = join(stateDir, name);
    try {
      const entries = readJournal(journalPath);
      if (!entries) continue;
      const record = summarizeJournal(entries);
      const { begin } = record;
      const report = statusOfRecord(sys, record, journalPath);
      out.push({
        journalPath,
        bundleDir: begin.bundleDir,
        bundle: sameDir(begin.bundleDir, begin.bundleDev, begin.bundleIno) ? "here" : "moved",
        rootfs: begin.rootfsReal,
        namespace: `mnt:[${begin.mntns}]`,
        startedAt: begin.startedAt,
        pid: begin.pid,
        state: report.state,
        proof: begin.proof,
        mounts: record.mounts.length,
      });
    } catch (err) {
      const error = err instanceof MountError ? err.message : String(err);
      out.push({ journalPath, state: "unreadable", error });
    }
  }
  return out;
}

/** True when `path` is the directory with this device and inode. */
export function sameDir(path: string, dev: string, ino: string): boolean {
  try {
    const st = statSync(path, { bigint: true });
    return String(st.dev) === dev && String(st.ino) === ino;
  } catch {
    return false;
  }
}
