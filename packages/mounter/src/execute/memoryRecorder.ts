import type { AppliedMount } from "../apply/ApplyContext.ts";
import { undoMounts } from "../journal/SetupRecord.ts";
import type { MountIdentity, Proof } from "../undo/MountIdentity.ts";
import type { PendingAttach, UndoSet } from "../undo/UndoSet.ts";
import type { Recorder } from "./Recorder.ts";

/** Where a journal-less run (the hook) began, for its undo set. */
export interface MemoryStart {
  bundleDir: string;
  /** The root's real path, as mountinfo shows it. */
  rootfs: string;
  /** The mount the root was on when the run began. */
  base: MountIdentity;
  /**
   * The 32-bit IDs live when the run began, on kernels without 64-bit IDs (none of them is one
   * of its steps'); undefined with 64-bit IDs, where `after` excludes every older mount.
   */
  existing?: readonly number[];
}

/**
 * The hook's recorder: the run kept in memory only (the mounts belong to the container and go
 * away with its mount namespace). A step's mount may go onto any mount (the runtime's), so a
 * pending attach is `anyParent`, told apart from what was there before by `after` or
 * `existing`.
 */
export function memoryRecorder(start: MemoryStart): Recorder {
  const mounts: AppliedMount[] = [];
  const created: string[] = [];
  let pending: PendingAttach[] = [];
  const proof: Proof = start.base.unique ? "unique" : "place";
  return {
    begin() {},
    intent({ why, target, at, after }) {
      const { base, existing } = start;
      pending = [
        {
          why,
          at,
          target,
          after,
          parent: base,
          anyParent: true,
          ...(existing ? { existing } : {}),
        },
      ];
    },
    mounted(m) {
      pending = [];
      mounts.push(m);
    },
    created(_why, paths) {
      for (const path of paths) created.push(path);
    },
    complete() {},
    undoSet(): UndoSet {
      const { bundleDir, rootfs, base, existing } = start;
      return {
        bundleDir,
        rootfs,
        proof,
        mntns: 0,
        base,
        mounts: undoMounts(mounts),
        pending,
        ...(existing ? { existing } : {}),
        created,
      };
    },
    discard() {},
    close() {},
  };
}
