import { unlinkSync } from "node:fs";
import { asMountError } from "../apply/asMountError.ts";
import { MountError, TeardownError } from "../errors.ts";
import { DEFAULT_STATE_DIR, journalPath } from "../journal/journalPath.ts";
import { openJournal } from "../journal/openJournal.ts";
import { type SetupRecord, undoSetOf } from "../journal/SetupRecord.ts";
import { readTrustedFile, trustedStateDir } from "../journal/trustedState.ts";
import { createSyscalls } from "../sys/ffi.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { checkNamespace } from "../undo/mountNamespace.ts";
import type { UndoSet } from "../undo/UndoSet.ts";
import { type UndoOutcome, undo } from "../undo/undo.ts";
import { planUnmount } from "../undo/unmountOwned.ts";

/** Options of `teardown` and `status`. */
export interface TeardownOptions {
  /** Where journals live (default `/run/ocimount`). */
  stateDir?: string;
  /** The syscall layer (default `createSyscalls()`); tests pass a fake. */
  sys?: Syscalls;
  /** Discard the journal without touching any mount or path (for a stale journal). */
  forget?: boolean;
  /**
   * Decide everything and do nothing: `plan` says what teardown would unmount, leave and try
   * to remove. The journal is read without taking its lock, and kept. Wins over `forget`: a
   * dry run never changes anything.
   */
  dryRun?: boolean;
}

/** What a teardown would do (`dryRun`), decided from the journal and the live mount table. */
export interface TeardownPlan {
  /** None of the journal's mounts is live here: teardown would refuse (`ESTALEJOURNAL`). */
  stale: boolean;
  /** One detach of the self-bind would take every mount (all of its tree is setup's). */
  fastPath: boolean;
  /** The mounts it would unmount, in order (the self-bind alone on the fast path). */
  unmount: Array<{ why: string; at: string; mountId: number }>;
  /** Mounts not made by setup, on one of its mounts (`on`): left, with the mounts above them. */
  foreign: Array<{ at: string; mountId: number; on: string }>;
  /** In-root mountpoints it would then try to remove, newest first, if still empty. */
  remove: string[];
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
  /** With `dryRun`: what teardown would do (nothing was done). */
  plan?: TeardownPlan;
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
  if (options.forget && !options.dryRun)
    return { ...result, ...forgetJournal(bundleDir, stateDir) };
  const journal = openJournal(sys, bundleDir, stateDir, options.dryRun ? "probe" : "exclusive");
  if (!journal) return { ...result, alreadyTornDown: true };
  if (options.dryRun) {
    try {
      return { ...result, plan: teardownPlan(sys, undoSetOf(journal.record)) };
    } finally {
      journal.close();
    }
  }
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
 * What `undo` would do with `set`, as `planUnmount` decides it (refusing, like teardown, a set
 * from another mount namespace); removal is tried only when every mount of ours would go.
 */
function teardownPlan(sys: Syscalls, set: UndoSet): TeardownPlan {
  checkNamespace(sys, set);
  const p = planUnmount(sys, set);
  const unmount = p.fast
    ? [{ why: "root.path", at: p.fast.self.at, mountId: p.fast.self.id }]
    : p.unmount.map((u) => ({ why: u.why, at: u.mount.at, mountId: u.mount.id }));
  const foreign = p.foreign.map((f) => ({ at: f.mount.at, mountId: f.mount.id, on: f.on }));
  const removes = !p.stale && foreign.length === 0;
  return {
    stale: p.stale,
    fastPath: p.fast !== undefined,
    unmount,
    foreign,
    remove: removes ? [...set.created].reverse() : [],
  };
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
