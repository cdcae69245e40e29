import { readFileSync } from "node:fs";
import type { SetupRecord } from "../journal/SetupRecord.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { removeCreated } from "./removeCreated.ts";
import { unmountRecord } from "./unmountRecord.ts";

/** What undoing a setup record did; `errors` holds every failure, in order. */
export interface UndoOutcome {
  unmounted: number;
  fastPath: boolean;
  removed: string[];
  errors: Error[];
}

/** Reads mountinfo once (parsed in full only when the one-detach fast path cannot be taken), unmounts what the record says is ours, then removes the mountpoints it created. Never throws for a step. */
export function tearDownRecord(sys: Syscalls, record: SetupRecord): UndoOutcome {
  const unmount = unmountRecord(sys, record, readFileSync("/proc/thread-self/mountinfo", "utf8"));
  let removal: { removed: string[]; errors: Error[] } = { removed: [], errors: [] };
  try {
    removal = removeCreated(sys, record.begin.rootfs, record.created);
  } catch (err) {
    removal.errors.push(err instanceof Error ? err : new Error(String(err)));
  }
  return {
    unmounted: unmount.unmounted,
    fastPath: unmount.fastPath,
    removed: removal.removed,
    errors: [...unmount.errors, ...removal.errors],
  };
}
