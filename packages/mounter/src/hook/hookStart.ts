import { realpathSync } from "node:fs";
import { parseMountInfo } from "@ocimount/mount-flags";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import type { MemoryStart } from "../execute/memoryRecorder.ts";
import type { SetupPlan } from "../plan/types.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { identifyAt } from "../undo/MountIdentity.ts";

/**
 * Where the hook begins, read in the container's mount namespace: the root's real path, the
 * mount it is on, and what tells the hook's mounts from those there before it: with 64-bit IDs
 * the highest ID at or below that mount (`after`), else the 32-bit IDs live now (`existing`).
 */
export function hookStart(sys: Syscalls, plan: SetupPlan): MemoryStart & { after: number } {
  const rootfs = realRootfs(plan.rootfs);
  const base = identifyAt(sys, AT_FDCWD, rootfs, 0);
  const start = { bundleDir: plan.bundleDir, rootfs, base };
  if (base.unique)
    return { ...start, after: Math.max(base.unique, ...highestBelow(sys, base.unique)) };
  return { ...start, after: 0, existing: parseMountInfo(sys.mountInfo()).map((m) => m.mountId) };
}

/** The 64-bit IDs of every mount below `unique` (empty when listmount is refused). */
function highestBelow(sys: Syscalls, unique: number): number[] {
  try {
    return sys.listmount(unique);
  } catch {
    return [];
  }
}

/** The root's real path as mountinfo shows it (symlinks in the bundle path resolved). */
function realRootfs(rootfs: string): string {
  try {
    return realpathSync(rootfs);
  } catch {
    return rootfs;
  }
}
