import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { parseMountInfo } from "@ocimount/mount-flags";
import type { AppliedMount } from "../apply/ApplyContext.ts";
import type { SetupRecord } from "../journal/SetupRecord.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { tearDownRecord } from "../teardown/tearDownRecord.ts";

/** What the hook did before it failed, for the rollback. */
export interface HookUndo {
  bundleDir: string;
  /** The container's root, as a real path in the container's mount namespace. */
  rootfs: string;
  /** Mount IDs present before the hook mounted anything. */
  before: ReadonlySet<number>;
  applied: readonly AppliedMount[];
  /** In-root paths the hook created as mountpoints. */
  created: readonly string[];
}

/**
 * Undoes a failed hook in the container's mount namespace with the mounter's own teardown:
 * every mount at or below the root that was not there before the hook began is ours (the
 * runtime is waiting for the hook, nobody else mounts there), including the submounts of an
 * rbind and a mount attached by a step that failed before recording it. They are unmounted
 * deepest first (UMOUNT_NOFOLLOW, each checked to still be on top), then the mountpoints the
 * hook created are removed if still empty. Returns every failure; never throws.
 */
export function rollBackHook(sys: Syscalls, undo: HookUndo): Error[] {
  try {
    const mountinfo = parseMountInfo(readFileSync("/proc/thread-self/mountinfo", "utf8"));
    const tree = mountinfo
      .filter((m) => !undo.before.has(m.mountId) && isAtOrBelow(m.mountPoint, undo.rootfs))
      .map((m) => ({ mountId: m.mountId, mountPoint: m.mountPoint }));
    const record: SetupRecord = {
      begin: {
        t: "begin",
        v: 1,
        bundleDir: undo.bundleDir,
        rootfs: undo.rootfs,
        rootfsMountIdBefore: 0,
        steps: [],
        pid: process.pid,
        startedAt: new Date().toISOString(),
      },
      mounts: [...undo.applied],
      created: [...undo.created],
      pending: [],
      complete: { expectations: [], tree },
    };
    return tearDownRecord(sys, record).errors;
  } catch (err) {
    return [err instanceof Error ? err : new Error(String(err))];
  }
}

function isAtOrBelow(path: string, root: string): boolean {
  const rel = posix.relative(root, path);
  return rel === "" || (!rel.startsWith("../") && rel !== ".." && !posix.isAbsolute(rel));
}
