import type { Syscalls } from "../sys/Syscalls.ts";
import { removeCreated } from "../teardown/removeCreated.ts";
import { checkNamespace } from "./mountNamespace.ts";
import type { UndoSet } from "./UndoSet.ts";
import { unmountOwned } from "./unmountOwned.ts";

/** What undoing a set did; `errors` holds every failure, in order. */
export interface UndoOutcome {
  unmounted: number;
  fastPath: boolean;
  /** None of the recorded mounts is live here: nothing was unmounted or removed. */
  stale: boolean;
  removed: string[];
  errors: Error[];
}

/**
 * Rollback and teardown in one: refuses (`MountError` `ENAMESPACE`) a set made in another mount
 * namespace, unmounts what of it is live and proven ours (`unmountOwned`), then removes the
 * mountpoints it created, but only when every mount of ours is accounted for (none left, none
 * failed) and the set is not stale. Never throws for a step. With `held`, the fds of the
 * directories it removed are left open there for the caller to close (`removeCreated`).
 */
export function undo(sys: Syscalls, set: UndoSet, held?: number[]): UndoOutcome {
  checkNamespace(sys, set);
  const unmount = unmountOwned(sys, set);
  let removal: { removed: string[]; errors: Error[] } = { removed: [], errors: [] };
  if (!unmount.stale && unmount.errors.length === 0) {
    try {
      removal = removeCreated(sys, set.rootfs, set.created, held);
    } catch (err) {
      removal.errors.push(err instanceof Error ? err : new Error(String(err)));
    }
  }
  return {
    unmounted: unmount.unmounted,
    fastPath: unmount.fastPath,
    stale: unmount.stale,
    removed: removal.removed,
    errors: [...unmount.errors, ...removal.errors],
  };
}
