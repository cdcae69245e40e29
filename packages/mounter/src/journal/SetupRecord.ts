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
  for (const e of entries) {
    if (e.t === "intent") record.pending.push({ why: e.why, target: e.target });
    else if (e.t === "created") record.created.push(...e.paths);
    else if (e.t === "mounted") {
      record.mounts.push({
        why: e.why,
        target: e.target,
        mountId: e.mountId,
        recursive: e.recursive,
      });
      record.pending = record.pending.filter((p) => p.why !== e.why);
    } else if (e.t === "complete") record.complete = { expectations: e.expectations, tree: e.tree };
  }
  if (record.complete) record.pending = [];
  return record;
}
