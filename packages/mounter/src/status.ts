import { readFileSync } from "node:fs";
import { type MountInfoEntry, parseMountInfo } from "@ocimount/mount-flags";
import { checkExpectation } from "./apply/checkExpectation.ts";
import { journalPath } from "./journal/journalPath.ts";
import { readJournal } from "./journal/readJournal.ts";
import { type SetupRecord, summarizeJournal } from "./journal/SetupRecord.ts";
import type { TeardownOptions } from "./teardown/teardown.ts";

/** The state of one planned step against the live mount table. */
export interface StepStatus {
  why: string;
  target?: string;
  mountId?: number;
  /** mounted: there as set up; missing: not there; changed: there but different; skipped: setup made nothing (a masked path that did not exist). */
  state: "mounted" | "missing" | "changed" | "skipped";
  detail?: string;
}

/** What `status` reports for a bundle. */
export interface StatusReport {
  bundleDir: string;
  /** not-set-up: no journal; incomplete: setup did not finish (crashed); set-up: finished. */
  state: "not-set-up" | "incomplete" | "set-up";
  steps: StepStatus[];
}

/**
 * Compares a bundle's journal with the live mount table (this process's mount namespace): each
 * planned step as mounted, missing, changed (options, propagation or place differ from what
 * setup verified) or skipped. Throws `MountError` `EJOURNAL` for an unreadable journal.
 */
export async function status(
  bundleDir: string,
  options: Omit<TeardownOptions, "sys"> = {},
): Promise<StatusReport> {
  const entries = readJournal(journalPath(bundleDir, options.stateDir));
  if (!entries) return { bundleDir, state: "not-set-up", steps: [] };
  const record = summarizeJournal(entries);
  const live = new Map(
    parseMountInfo(readFileSync("/proc/thread-self/mountinfo", "utf8")).map((m) => [m.mountId, m]),
  );
  return {
    bundleDir,
    state: record.complete ? "set-up" : "incomplete",
    steps: record.begin.steps.map((why) => stepStatus(record, why, live)),
  };
}

function stepStatus(
  record: SetupRecord,
  why: string,
  live: ReadonlyMap<number, MountInfoEntry>,
): StepStatus {
  const mount = record.mounts.find((m) => m.why === why);
  const expectations = record.complete?.expectations.filter((e) => e.why === why) ?? [];
  const mountId = mount?.mountId ?? expectations[0]?.mountId;
  if (mountId === undefined) return { why, state: record.complete ? "skipped" : "missing" };
  const base = { why, mountId, ...(mount ? { target: mount.target } : {}) };
  const entry = live.get(mountId);
  if (!entry) return { ...base, state: "missing" };
  const problems = expectations.map((e) => checkExpectation(e, entry)).filter(Boolean);
  const was = record.complete?.tree.find((t) => t.mountId === mountId)?.mountPoint;
  if (was !== undefined && was !== entry.mountPoint)
    problems.push(`moved from ${was} to ${entry.mountPoint}`);
  return problems.length
    ? { ...base, state: "changed", detail: problems.join("; ") }
    : { ...base, state: "mounted" };
}
