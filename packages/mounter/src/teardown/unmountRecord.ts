import {
  AT_SYMLINK_NOFOLLOW,
  MNT_DETACH,
  type MountInfoEntry,
  UMOUNT_NOFOLLOW,
} from "@ocimount/mount-flags";
import { asMountError } from "../apply/asMountError.ts";
import { MountError } from "../errors.ts";
import type { SetupRecord } from "../journal/SetupRecord.ts";
import { AT_FDCWD } from "../sys/constants.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { mountTree } from "./mountTree.ts";

/** What unmounting a record did. */
export interface UnmountOutcome {
  unmounted: number;
  /** True when one MNT_DETACH of the rootfs self-bind took the whole tree. */
  fastPath: boolean;
  errors: Error[];
}

/** The self-bind's mount ID: journaled, or recognised after a crash between attach and journal. */
function selfBindId(sys: Syscalls, record: SetupRecord): number | undefined {
  const journaled = record.mounts.find((m) => m.why === "root.path")?.mountId;
  if (journaled !== undefined || !record.pending.some((p) => p.why === "root.path"))
    return journaled;
  const st = sys.statx(AT_FDCWD, record.begin.rootfs, AT_SYMLINK_NOFOLLOW);
  return st.isMountRoot && st.mountId !== record.begin.rootfsMountIdBefore ? st.mountId : undefined;
}

/**
 * Unmounts what `record` says setup mounted, and nothing else. Ours: the journaled mount IDs,
 * the tree recorded when setup completed, and, for a setup that never completed (crash,
 * rollback), everything below our self-bind: it was made by us, since the tree did not exist
 * before setup. When the live tree below the self-bind is exactly ours, one
 * umount2(MNT_DETACH|UMOUNT_NOFOLLOW) of the self-bind takes it (KERNEL-NOTES 13). Otherwise
 * each mount of ours is unmounted alone, deepest first, after checking that the path still
 * leads to that mount ID; failures are collected, never stop the loop.
 */
export function unmountRecord(
  sys: Syscalls,
  record: SetupRecord,
  mountinfo: readonly MountInfoEntry[],
): UnmountOutcome {
  const errors: Error[] = [];
  const ours = new Set<number>(record.mounts.map((m) => m.mountId));
  for (const m of record.complete?.tree ?? []) ours.add(m.mountId);
  const selfId = selfBindId(sys, record);
  const tree = selfId === undefined ? [] : mountTree(mountinfo, selfId);
  if (!record.complete) for (const m of tree) ours.add(m.mountId);
  const rootfs = record.begin.rootfs;
  if (tree.length && tree.every((m) => ours.has(m.mountId))) {
    try {
      if (sys.statx(AT_FDCWD, rootfs, AT_SYMLINK_NOFOLLOW).mountId === selfId) {
        sys.umount2(rootfs, MNT_DETACH | UMOUNT_NOFOLLOW);
        return { unmounted: tree.length, fastPath: true, errors };
      }
    } catch (err) {
      errors.push(asMountError(err, "root.path", { target: rootfs }));
    }
  }
  const live = mountinfo.filter((m) => ours.has(m.mountId));
  const depth = depthOf(mountinfo);
  live.sort((a, b) => depth(b) - depth(a));
  let unmounted = 0;
  for (const m of live) {
    try {
      const top = sys.statx(AT_FDCWD, m.mountPoint, AT_SYMLINK_NOFOLLOW);
      if (top.mountId !== m.mountId) {
        throw new MountError({
          code: "ESYSCALL",
          op: "umount2",
          target: m.mountPoint,
          errno: 16,
          detail: `mount ${m.mountId} is covered by mount ${top.mountId}`,
        });
      }
      sys.umount2(m.mountPoint, UMOUNT_NOFOLLOW);
      unmounted++;
    } catch (err) {
      errors.push(asMountError(err, whyOf(record, m.mountId), { target: m.mountPoint }));
    }
  }
  return { unmounted, fastPath: false, errors };
}

function whyOf(record: SetupRecord, mountId: number): string {
  return record.mounts.find((m) => m.mountId === mountId)?.why ?? `mount ${mountId}`;
}

function depthOf(mountinfo: readonly MountInfoEntry[]): (m: MountInfoEntry) => number {
  const parent = new Map(mountinfo.map((m) => [m.mountId, m.parentId]));
  const cache = new Map<number, number>();
  const depth = (id: number): number => {
    const known = cache.get(id);
    if (known !== undefined) return known;
    const p = parent.get(id);
    const d = p === undefined || p === id ? 0 : depth(p) + 1;
    cache.set(id, d);
    return d;
  };
  return (m) => depth(m.mountId);
}
