import type { Expectation } from "../apply/Expectation.ts";

/** The first line: which bundle, and what was at the rootfs before setup. */
export interface BeginEntry {
  t: "begin";
  v: 1;
  bundleDir: string;
  rootfs: string;
  /** The mount ID the rootfs path was on before setup (to recognise our self-bind after a crash). */
  rootfsMountIdBefore: number;
  /** Every step's `why`, in plan order. */
  steps: string[];
  pid: number;
  startedAt: string;
}

/** Written BEFORE a step attaches anything. */
export interface IntentEntry {
  t: "intent";
  why: string;
  target: string;
}

/** In-root paths a step created as mountpoints. */
export interface CreatedEntry {
  t: "created";
  why: string;
  paths: string[];
}

/** Written after a mount is attached. */
export interface MountedEntry {
  t: "mounted";
  why: string;
  target: string;
  mountId: number;
  recursive: boolean;
}

/** The last line of a finished setup: what was verified, and every mount of the tree it built. */
export interface CompleteEntry {
  t: "complete";
  expectations: Expectation[];
  tree: Array<{ mountId: number; mountPoint: string }>;
}

/** One line of a bundle's journal. */
export type JournalEntry = BeginEntry | IntentEntry | CreatedEntry | MountedEntry | CompleteEntry;
