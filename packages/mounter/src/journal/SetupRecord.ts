import type { AppliedMount } from "../apply/ApplyContext.ts";
import type { Expectation } from "../apply/Expectation.ts";
import type { BeginEntry, JournalEntry } from "./JournalEntry.ts";

/** What a journal says setup did: the input of teardown, rollback and status. */
export interface SetupRecord {
  begin: BeginEntry;
  mounts: AppliedMount[];
  /** In-root paths created as mountpoints, in creation order. */
  created: string[];
  /** Steps whose intent was written but whose mount was not recorded (a crash in between). */
  pending: Array<{ why: string; target: string }>;
  /** Present when setup finished. */
  complete?: { expectations: Expectation[]; tree: Array<{ mountId: number; mountPoint: string }> };
}

/** Folds journal entries into a `SetupRecord`. */
export function summarizeJournal(entries: readonly JournalEntry[]): SetupRecord {
  const [begin] = entries;
  if (begin?.t !== "begin") throw new Error("journal does not start with begin");
  const record: SetupRecord = { begin, mounts: [], created: [], pending: [] };
  const { mounts, created } = record;
  for (let i = 1; i < entries.length; i++) {
    const e = entries[i] as JournalEntry;
    switch (e.t) {
      case "intent":
        record.pending.push({ why: e.why, target: e.target });
        break;
      case "created":
        for (const path of e.paths) created.push(path);
        break;
      case "mounted":
        mounts.push({ why: e.why, target: e.target, mountId: e.mountId, recursive: e.recursive });
        // Usually the one pending step is this one: skip the copy when nothing else is pending.
        if (record.pending.length === 1 && record.pending[0]?.why === e.why) record.pending = [];
        else if (record.pending.length)
          record.pending = record.pending.filter((p) => p.why !== e.why);
        break;
      case "complete":
        record.complete = { expectations: e.expectations, tree: e.tree };
        break;
    }
  }
  if (record.complete) record.pending = [];
  return record;
}
