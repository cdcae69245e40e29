import { unlinkSync } from "node:fs";
import { TeardownError } from "../errors.ts";
import { journalPath } from "../journal/journalPath.ts";
import { readJournal } from "../journal/readJournal.ts";
import { summarizeJournal } from "../journal/SetupRecord.ts";
import { createSyscalls } from "../sys/ffi.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { tearDownRecord } from "./tearDownRecord.ts";

/** Options of `teardown` and `status`. */
export interface TeardownOptions {
  /** Where journals live (default `/run/ocimount`). */
  stateDir?: string;
  /** The syscall layer (default `createSyscalls()`); tests pass a fake. */
  sys?: Syscalls;
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
}

/**
 * Undoes a bundle's setup from its journal: unmounts only the mounts setup recorded (deepest
 * first, UMOUNT_NOFOLLOW, or one detach of the rootfs self-bind when the tree is exactly ours),
 * removes the mountpoints it created that are still empty, then deletes the journal. Works after
 * a crash or kill -9 of setup. Idempotent: without a journal it does nothing. Tries every step;
 * throws one `TeardownError` with all failures (and keeps the journal, so it can be retried).
 */
export async function teardown(
  bundleDir: string,
  options: TeardownOptions = {},
): Promise<TeardownResult> {
  const path = journalPath(bundleDir, options.stateDir);
  const entries = readJournal(path);
  if (!entries)
    return { bundleDir, alreadyTornDown: true, unmounted: 0, fastPath: false, removed: [] };
  const record = summarizeJournal(entries);
  const outcome = tearDownRecord(options.sys ?? createSyscalls(), record);
  if (outcome.errors.length) throw new TeardownError(bundleDir, outcome.errors);
  unlinkSync(path);
  return {
    bundleDir,
    alreadyTornDown: false,
    unmounted: outcome.unmounted,
    fastPath: outcome.fastPath,
    removed: outcome.removed,
  };
}
