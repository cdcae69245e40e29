import { type MountInfoEntry, parseMountInfo } from "@ocimount/mount-flags";
import { checkExpectation } from "./apply/readback/checkExpectation.ts";
import { MountError } from "./errors.ts";
import { DEFAULT_STATE_DIR } from "./journal/journalPath.ts";
import { openJournal } from "./journal/openJournal.ts";
import { type SetupRecord, undoSetOf } from "./journal/SetupRecord.ts";
import { createSyscalls } from "./sys/ffi.ts";
import type { Syscalls } from "./sys/Syscalls.ts";
import type { TeardownOptions } from "./teardown/teardown.ts";
import { liveTree } from "./undo/liveMounts.ts";
import type { MountIdentity, Proof } from "./undo/MountIdentity.ts";
import { checkNamespace } from "./undo/mountNamespace.ts";
import { ownedMounts } from "./undo/ownedMounts.ts";
import { resolvePending } from "./undo/resolvePending.ts";
import { rootStatCheck } from "./undo/rootStatCheck.ts";

/** The state of one planned step against the live mount table. */
export interface StepStatus {
  why: string;
  target?: string;
  mountId?: number;
  /** mounted: there as set up; missing: not there; changed: there but different; skipped: setup made nothing (a masked path that did not exist). */
  state: "mounted" | "missing" | "changed" | "skipped";
  detail?: string;
}

/**
 * The verdict, from the rows: `set-up` (every step mounted or skipped), `partial` (some
 * missing, or setup never finished), `drifted` (all there, some changed), `stale` (none of the
 * journal's mounts is live here), `foreign-namespace` (set up in another mount namespace: its
 * mounts cannot be seen from here), `not-set-up` (no journal).
 */
export type StatusState =
  | "not-set-up"
  | "set-up"
  | "partial"
  | "drifted"
  | "stale"
  | "foreign-namespace";

/** What `status` reports for a bundle. */
export interface StatusReport {
  bundleDir: string;
  state: StatusState;
  /** True when setup finished (its journal is complete). */
  finished: boolean;
  /** How mounts were proven setup's: 64-bit mount IDs (`unique`) or ID, place and parent. */
  proof?: Proof;
  journalPath?: string;
  /** For `foreign-namespace`: both namespaces, `set up in mnt:[A], this is mnt:[B]`. */
  detail?: string;
  steps: StepStatus[];
}

/**
 * Compares a bundle's journal with the live mount table of this mount namespace: each planned
 * step as mounted, missing, changed (options, propagation or place differ from what setup
 * verified) or skipped, and a verdict that follows the rows (`StatusState`). A mount counts as
 * there only when it is proven setup's (the ownership rules of teardown), never by a reused ID.
 * Throws `MountError` `EJOURNAL`/`EUNSAFE` for a journal it cannot read or trust.
 */
export async function status(
  bundleDir: string,
  options: Omit<TeardownOptions, "forget"> = {},
): Promise<StatusReport> {
  const sys = options.sys ?? createSyscalls();
  const journal = openJournal(sys, bundleDir, options.stateDir ?? DEFAULT_STATE_DIR, "probe");
  if (!journal) return { bundleDir, state: "not-set-up", finished: false, steps: [] };
  try {
    const report = { ...statusOfRecord(sys, journal.record, journal.path), bundleDir };
    if (journal.busy && !report.finished) {
      // Setup is running right now: its mounts so far are there, the rest is to come.
      return { ...report, state: "partial", detail: "setup is running (its journal is locked)" };
    }
    return report;
  } finally {
    journal.close();
  }
}

/** `status` of a journal already read: the rows and the verdict, in this mount namespace. */
export function statusOfRecord(sys: Syscalls, record: SetupRecord, path: string): StatusReport {
  const base = {
    bundleDir: record.begin.bundleDir,
    finished: record.complete !== undefined,
    proof: record.begin.proof,
    journalPath: path,
  };
  try {
    checkNamespace(sys, undoSetOf(record));
  } catch (err) {
    if (!(err instanceof MountError)) throw err;
    return { ...base, state: "foreign-namespace", detail: err.detail, steps: [] };
  }
  const steps = stepRows(sys, record);
  return { ...base, state: verdict(steps, base.finished), steps };
}

function stepRows(sys: Syscalls, record: SetupRecord): StepStatus[] {
  const set = undoSetOf(record);
  const root = set.self ?? set.base;
  const selfTree = set.self ? liveTree(sys, set.proof, set.self) : null;
  const tree = selfTree ?? liveTree(sys, set.proof, root) ?? [];
  const ours = ownedMounts(resolvePending(sys, set, tree), tree, rootStatCheck(sys));
  const live = new Map<number, MountIdentity>();
  for (const m of ours) live.set(set.proof === "unique" ? m.unique : m.id, m);
  const info = new Map(parseMountInfo(sys.mountInfo()).map((m) => [m.mountId, m]));
  return record.begin.steps.map((why) => stepStatus(record, why, live, info));
}

function stepStatus(
  record: SetupRecord,
  why: string,
  live: ReadonlyMap<number, MountIdentity>,
  info: ReadonlyMap<number, MountInfoEntry>,
): StepStatus {
  const mount = record.mounts.find((m) => m.why === why);
  const expectations = record.complete?.expectations.filter((e) => e.why === why) ?? [];
  const owner = mount ?? record.mounts.find((m) => m.mountId === expectations[0]?.mountId);
  if (!owner) return { why, state: record.complete ? "skipped" : "missing" };
  const base = { why, mountId: owner.mountId, ...(mount ? { target: mount.target } : {}) };
  const key = record.begin.proof === "unique" ? owner.identity.unique : owner.identity.id;
  const now = live.get(key);
  const entry = now && info.get(now.id);
  if (!now || !entry) return { ...base, state: "missing" };
  const problems = expectations.map((e) => checkExpectation(e, entry)).filter(Boolean);
  if (now.at !== owner.identity.at) problems.push(`moved from ${owner.identity.at} to ${now.at}`);
  return problems.length
    ? { ...base, state: "changed", detail: problems.join("; ") }
    : { ...base, state: "mounted" };
}

function verdict(steps: readonly StepStatus[], finished: boolean): StatusState {
  const count = (s: StepStatus["state"]) => steps.filter((r) => r.state === s).length;
  const there = count("mounted") + count("changed");
  if (there === 0) return "stale";
  if (!finished || count("missing") > 0) return "partial";
  return count("changed") > 0 ? "drifted" : "set-up";
}
