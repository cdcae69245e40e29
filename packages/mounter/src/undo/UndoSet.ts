import type { MountIdentity, Proof } from "./MountIdentity.ts";

/**
 * A step whose attach was announced but whose mount was never recorded (a crash, or a failure
 * between attach and record). It is identified from the announcement alone: a mount at `at`,
 * newer than `after`, whose parent is ours (or, for the self-bind, `parent`), and not recorded.
 */
export interface PendingAttach {
  why: string;
  /**
   * Where the mount will be: the rootfs's real path joined with the in-root target, as written
   * (before the step resolved it; `resolvePending` finds the place a symlink led it to).
   */
  at: string;
  /** The in-root path the step named (`/etc/hosts`), when known. */
  target?: string;
  /** The highest 64-bit mount ID setup knew of when it announced the step (0: unknown). */
  after: number;
  /** The mount the new one goes onto, when setup knew it (the self-bind's: the rootfs's mount). */
  parent?: MountIdentity;
  /**
   * Any parent will do (the hook: the runtime waits while it runs, and its steps go onto the
   * runtime's mounts). With 64-bit IDs `after` excludes every older mount; with 32-bit ones
   * `existing` must list the mounts that were there before (none of them is the step's).
   */
  anyParent?: boolean;
  /** The 32-bit IDs live when the hook began (`place` proof with `anyParent`). */
  existing?: readonly number[];
}

/**
 * The one input of rollback and teardown: what setup (or the hook) made, and nothing else.
 * Built from a journal or from the hook's in-memory record; the rules that decide what of the
 * live mount table is ours (`ownedMounts`) read only this.
 */
export interface UndoSet {
  bundleDir: string;
  /** The rootfs's real path (as mountinfo shows it). */
  rootfs: string;
  proof: Proof;
  /** The nsfs inode of the mount namespace setup ran in (`mnt:[N]`); 0 when unknown. */
  mntns: number;
  /** The mount the rootfs was on before setup: the self-bind's parent, the root of the search. */
  base: MountIdentity;
  /** The rootfs self-bind (`root.path`), when it was recorded. */
  self?: MountIdentity;
  /** Every mount setup attached, with the mounts recursive ones brought along, self-bind included. */
  mounts: Array<{ why: string; mount: MountIdentity }>;
  pending: PendingAttach[];
  /**
   * The 32-bit IDs live when a run without a self-bind began (the hook, `place` proof): its
   * mounts go onto the runtime's, so a recorded mount sitting on one of these has a proven
   * parent, as one on the base or on a mount of ours does.
   */
  existing?: readonly number[];
  /** In-root paths created as mountpoints, in creation order. */
  created: string[];
}
