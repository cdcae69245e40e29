import type { AppliedMount } from "../apply/ApplyContext.ts";
import type { Expectation } from "../apply/readback/Expectation.ts";
import type { UndoSet } from "../undo/UndoSet.ts";

/** A step about to attach a mount, as the executor announces it. */
export interface Intent {
  why: string;
  /** In-root path of the mountpoint. */
  target: string;
  /** Where the mount will be: the rootfs's real path joined with `target`. */
  at: string;
  /** The highest 64-bit mount ID known so far (0: none); the new mount's will be higher. */
  after: number;
}

/**
 * What the executor tells, in order, and the undo set it asks for when a step fails: setup's
 * journal is one recorder (`journalRecorder`), the hook's in-memory list another
 * (`memoryRecorder`). The executor never knows which.
 */
export interface Recorder {
  /** Before the first step. */
  begin(): void;
  /** BEFORE a step attaches anything. */
  intent(intent: Intent): void;
  /** After the attach, with the new mount's identity. */
  mounted(mount: AppliedMount): void;
  /** In-root paths created as mountpoints (removed on undo if still empty). */
  created(why: string, paths: string[]): void;
  /** Every step applied and verified. */
  complete(expectations: readonly Expectation[]): void;
  /** Everything recorded so far, for rollback: the one input of `undo`. */
  undoSet(): UndoSet;
  /** After a rollback that undid everything: forget the record. */
  discard(): void;
  /** At the end, success or not. Never throws. */
  close(): void;
}
