import type { Expectation } from "../apply/readback/Expectation.ts";
import type { MountIdentity, Proof } from "../undo/MountIdentity.ts";

/** The journal format version this mounter writes and reads. */
export const JOURNAL_VERSION = 2;

/** The first line: which bundle and rootfs, in which namespace, with which proof of ownership. */
export interface BeginEntry {
  t: "begin";
  v: 2;
  /** The bundle's real path (the journal's key) and its device and inode (found again if renamed). */
  bundleDir: string;
  bundleDev: string;
  bundleIno: string;
  /** The rootfs as planned, its real path (as mountinfo shows it), device and inode. */
  rootfs: string;
  rootfsReal: string;
  rootfsDev: string;
  rootfsIno: string;
  /** The nsfs inode of the mount namespace setup ran in (`mnt:[N]`). */
  mntns: number;
  proof: Proof;
  /** The mount the rootfs was on before setup: the self-bind's parent. */
  base: MountIdentity;
  /** Every step's `why`, in plan order. */
  steps: string[];
  pid: number;
  startedAt: string;
}

/**
 * Written BEFORE a step attaches anything: where its mount will be and the highest 64-bit mount
 * ID setup knew of then, so a crash before `mounted` still identifies that one mount.
 */
export interface IntentEntry {
  t: "intent";
  why: string;
  target: string;
  at: string;
  after: number;
}

/** In-root paths a step is about to create as mountpoints (written before they are made). */
export interface CreatedEntry {
  t: "created";
  why: string;
  paths: string[];
}

/** Written after a mount is attached: its identity, and those of the mounts it brought along. */
export interface MountedEntry {
  t: "mounted";
  why: string;
  target: string;
  recursive: boolean;
  mount: MountIdentity;
  below: MountIdentity[];
}

/** The last line of a finished setup: what was verified. */
export interface CompleteEntry {
  t: "complete";
  expectations: Expectation[];
}

/** One line of a bundle's journal. */
export type JournalEntry = BeginEntry | IntentEntry | CreatedEntry | MountedEntry | CompleteEntry;
