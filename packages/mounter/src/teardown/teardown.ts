import { unlinkSync } from "node:fs";
import { asMountError } from "../apply/asMountError.ts";
import { MountError, TeardownError } from "../errors.ts";
import { DEFAULT_STATE_DIR, journalPath } from "../journal/journalPath.ts";
import { openJournal } from "../journal/openJournal.ts";
import { type SetupRecord, undoSetOf } from "../journal/SetupRecord.ts";
import { readTrustedFile, trustedStateDir } from "../journal/trustedState.ts";
import { createSyscalls } from "../sys/ffi.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { type UndoOutcome, undo } from "../undo/undo.ts";

/** Options of `teardown` and `status`. */
export interface TeardownOptions {
  /** Where journals live (default `/run/ocimount`). */
  stateDir?: string;
  /** The syscall layer (default `createSyscalls()`); tests pass a fake. */
  sys?: Syscalls;
  /** Discard the journal without touching any mount or path (for a stale journal). */
  forget?: boolean;
}

/** What `teardown` did. */
export interface TeardownResult {
  bundleDir: string;
  /** True when there was no journal: nothing to do (never set up, or torn down already). */
  alreadyTornDown: boolean;
  unmounted: number;
  fastPath: boolean;
  /** In-root mountpoints removed. */
  removed: string[];
  /** True when `forget` discarded the journal (nothing else was done). */
  forgotten: boolean;
}

/**
 * Undoes a bundle's setup from its journal (read from a trusted state dir, checked, locked):
 * unmounts only the mounts proven to be setup's (`undo`: by their 64-bit mount IDs where the
 * kernel has them, else by ID, place and parent; one detach of the self-bind when every mount
 * in it is ours), removes the mountpoints it created that are still empty, then deletes the
 * journal. Works after a crash or kill -9 of setup. Idempotent: without a journal it does
 * nothing. Throws `MountError` `ENAMESPACE` from another mount namespace, `ESTALEJOURNAL` when none
 * of the journal's mounts is live (nothing touched; `forget` discards it), `EUNSAFE` or
 * `EJOURNAL` for a journal it cannot trust, and one `TeardownError` with every failure of the
 * steps it tried (keeping the journal, so it can be retried).
 */
export async function teardown(
  bundleDir: string,
  options: TeardownOptions = {},
): Promise<TeardownResult> {
  const result = {
    bundleDir,
    alreadyTornDown: false,
    unmounted: 0,
    fastPath: false,
    removed: [] as string[],
    forgotten: false,
  };
  const sys = options.sys ?? createSyscalls();
  const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
  if (options.forget) return { ...result, ...forgetJournal(bundleDir, stateDir) };
  const journal = openJournal(sys, bundleDir, stateDir);
  if (!journal) return { ...result, alreadyTornDown: true };
  try {
    const outcome = await undoReleasingInParallel(sys, journal.record);
    if (outcome.stale) {
      const { begin } = journal.record;
      throw new MountError({
        code: "ESTALEJOURNAL",
        op: "teardown",
        target: journal.path,
        detail: `none of its mounts is live in this namespace (set up ${begin.startedAt} by pid ${begin.pid}); nothing was touched; discard it with teardown --forget`,
      });
    }
    if (outcome.errors.length) throw new TeardownError(bundleDir, outcome.errors);
    unlinkSync(journal.path);
    return {
      ...result,
      unmounted: outcome.unmounted,
      fastPath: outcome.fastPath,
      removed: outcome.removed,
    };
  } finally {
    journal.close();
  }
}

/**
 * `undo`, with the removed directories' fds closed all at once afterwards: on a filesystem
 * that discards each freed block synchronously, freeing 1000 directories one after the other
 * took 1-3 ms each, overlapped it takes a tenth of that (docs/KERNEL.md item 19). A failed
 * close joins the outcome's errors (and keeps the journal).
 */
async function undoReleasingInParallel(sys: Syscalls, record: SetupRecord): Promise<UndoOutcome> {
  const held: number[] = [];
  let outcome: UndoOutcome | undefined;
  try {
    outcome = undo(sys, undoSetOf(record), held);
  } finally {
    const failed = await sys.closeInParallel(held).then(
      () => undefined,
      (err: unknown) => asMountError(err, "teardown"),
    );
    if (failed) outcome?.errors.push(failed);
  }
  return outcome;
}

/**
 * `forget`: deletes the bundle's journal without reading it (so an unreadable or old-format one
 * goes too), once the state dir and the file are trusted (the caller's, writable by nobody else,
 * no symlink). Touches no mount and no path but the journal.
 */
function forgetJournal(
  bundleDir: string,
  stateDir: string,
): { alreadyTornDown: boolean; forgotten: boolean } {
  if (trustedStateDir(stateDir, false) === null) return { alreadyTornDown: true, forgotten: false };
  const path = journalPath(bundleDir, stateDir);
  if (readTrustedFile(path) === null) return { alreadyTornDown: true, forgotten: false };
  unlinkSync(path);
  return { alreadyTornDown: false, forgotten: true };
}
