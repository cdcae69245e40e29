import type { BeginEntry } from "../journal/JournalEntry.ts";
import type { JournalWriter } from "../journal/JournalWriter.ts";
import { type SetupRecord, undoSetOf } from "../journal/SetupRecord.ts";
import type { Recorder } from "./Recorder.ts";

/**
 * Setup's recorder: every event goes to the bundle's journal (`journal`, created and locked,
 * `begin` not yet written) and to the in-memory `SetupRecord` that rollback turns into its
 * undo set, the same fold teardown makes of the journal. Intents and the self-bind are written
 * at once; other "mounted" entries are held and go out with the next intent, in one write(2).
 */
export function journalRecorder(journal: JournalWriter, begin: BeginEntry): Recorder {
  const record: SetupRecord = { begin, mounts: [], created: [], pending: [] };
  return {
    begin: () => journal.append(begin),
    intent(intent) {
      record.pending = [intent];
      journal.append({ t: "intent", ...intent }, intent.why);
    },
    mounted(m) {
      record.pending = [];
      record.mounts.push(m);
      const entry = {
        t: "mounted" as const,
        why: m.why,
        target: m.target,
        recursive: m.recursive,
        mount: m.identity,
        below: m.below,
      };
      // The self-bind is written at once: a crash must not lose which mount is ours.
      if (m.why === "root.path") journal.append(entry, m.why);
      else journal.hold(entry);
    },
    created(why, paths) {
      for (const path of paths) record.created.push(path);
      journal.append({ t: "created", why, paths }, why);
    },
    complete(expectations) {
      journal.append({ t: "complete", expectations: [...expectations] }, "setup");
      journal.close();
    },
    undoSet: () => undoSetOf(record),
    discard: () => journal.discard(),
    close() {
      try {
        journal.close();
      } catch {}
    },
  };
}
