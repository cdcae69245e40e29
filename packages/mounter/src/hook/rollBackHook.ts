import type { AppliedMount } from "../apply/ApplyContext.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { MountIdentity, Proof } from "../undo/MountIdentity.ts";
import type { PendingAttach, UndoSet } from "../undo/UndoSet.ts";
import { undo } from "../undo/undo.ts";

/** What the hook did before it failed, for the rollback: its in-memory record. */
export interface HookUndo {
  bundleDir: string;
  /** The container's root, as a real path in the container's mount namespace. */
  rootfs: string;
  proof: Proof;
  /** The mount the container's root was on when the hook began. */
  base: MountIdentity;
  applied: readonly AppliedMount[];
  /** The step that announced an attach but recorded no mount (it failed in between), if any. */
  pending: readonly PendingAttach[];
  /** In-root paths the hook created as mountpoints. */
  created: readonly string[];
}

/**
 * Undoes a failed hook in the container's mount namespace with the same undo set and ownership
 * rules as teardown: the mounts the hook recorded (and what its rbinds brought along), the one
 * mount of a step that failed between attach and record (found at its place, newer than the
 * hook's last mount), never anything else under the root. They are unmounted deepest first
 * through fds checked to be them, then the mountpoints the hook created are removed if still
 * empty. Returns every failure; never throws.
 */
export function rollBackHook(sys: Syscalls, hook: HookUndo): Error[] {
  const mounts: UndoSet["mounts"] = [];
  for (const m of hook.applied) {
    mounts.push({ why: m.why, mount: m.identity });
    for (const b of m.below) mounts.push({ why: m.why, mount: b });
  }
  const set: UndoSet = {
    bundleDir: hook.bundleDir,
    rootfs: hook.rootfs,
    proof: hook.proof,
    mntns: 0,
    base: hook.base,
    mounts,
    pending: [...hook.pending],
    created: [...hook.created],
  };
  try {
    return undo(sys, set).errors;
  } catch (err) {
    return [err instanceof Error ? err : new Error(String(err))];
  }
}
