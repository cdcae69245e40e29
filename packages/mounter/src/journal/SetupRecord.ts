import type { AppliedMount } from "../apply/ApplyContext.ts";
import type { Expectation } from "../apply/readback/Expectation.ts";
import type { UndoSet } from "../undo/UndoSet.ts";
import type { BeginEntry, IntentEntry, JournalEntry } from "./JournalEntry.ts";

/** What a journal says setup did: the input of teardown, rollback and status. */
export interface SetupRecord {
  begin: BeginEntry;
  mounts: AppliedMount[];
  /** In-root paths created as mountpoints, in creation order. */
  created: string[];
  /** Steps whose intent was written but whose mount was not recorded (a crash in between). */
  pending: Array<Omit<IntentEntry, "t">>;
  /** Present when setup finished. */
  complete?: { expectations: Expectation[] };
}

/** Folds journal entries (checked by `readJournal`) into a `SetupRecord`. */
export function summarizeJournal(entries: readonly JournalEntry[]): SetupRecord {
  const [begin] = entries;
  if (begin?.t !== "begin") throw new Error("journal does not start with begin");
  const record: SetupRecord = { begin, mounts: [], created: [], pending: [] };
  const { mounts, created } = record;
  for (let i = 1; i < entries.length; i++) {
    const e = entries[i] as JournalEntry;
    switch (e.t) {
      case "intent":
        record.pending.push({ why: e.why, target: e.target, at: e.at, after: e.after });
        break;
      case "created":
        for (const path of e.paths) created.push(path);
        break;
      case "mounted":
        mounts.push({
          why: e.why,
          target: e.target,
          mountId: e.mount.id,
          recursive: e.recursive,
          identity: e.mount,
          below: e.below,
        });
        // Usually the one pending step is this one: skip the copy when nothing else is pending.
        if (record.pending.length === 1 && record.pending[0]?.why === e.why) record.pending = [];
        else if (record.pending.length)
          record.pending = record.pending.filter((p) => p.why !== e.why);
        break;
      case "complete":
        record.complete = { expectations: e.expectations };
        break;
    }
  }
  if (record.complete) record.pending = [];
  return record;
}

/** The undo set of a setup record: the one input of rollback and teardown. */
export function undoSetOf(record: SetupRecord): UndoSet {
  const { begin } = record;
  const mounts = undoMounts(record.mounts);
  const self = record.mounts.find((m) => m.why === "root.path")?.identity;
  return {
    bundleDir: begin.bundleDir,
    rootfs: begin.rootfsReal,
    proof: begin.proof,
    mntns: begin.mntns,
    base: begin.base,
    ...(self ? { self } : {}),
    mounts,
    pending: record.pending.map((p) => ({
      why: p.why,
      at: p.at,
      target: p.target,
      after: p.after,
      ...(p.why === "root.path" ? { parent: begin.base } : {}),
    })),
    created: record.created,
  };
}

/** The mounts of an undo set: each applied mount, then the mounts a recursive one brought along. */
export function undoMounts(applied: readonly AppliedMount[]): UndoSet["mounts"] {
  const mounts: UndoSet["mounts"] = [];
  for (const m of applied) {
    mounts.push({ why: m.why, mount: m.identity });
    for (const b of m.below) mounts.push({ why: m.why, mount: b });
  }
  return mounts;
}
