import {
  AT_EMPTY_PATH,
  AT_SYMLINK_NOFOLLOW,
  MNT_DETACH,
  type MountInfoEntry,
  parseMountInfo,
  UMOUNT_NOFOLLOW,
} from "@ocimount/mount-flags";
import { asMountError } from "../apply/asMountError.ts";
import { procFd } from "../apply/procFd.ts";
import { MountError } from "../errors.ts";
import type { SetupRecord } from "../journal/SetupRecord.ts";
import { AT_FDCWD, O_CLOEXEC, O_NOFOLLOW, O_PATH } from "../sys/constants.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { mountTree } from "./mountTree.ts";
import { mountTreeIds, scanMountIds } from "./scanMountIds.ts";

const EBUSY = 16;

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
 * umount2(MNT_DETACH|UMOUNT_NOFOLLOW) of the self-bind (a host path) takes it (docs/KERNEL.md item 13).
 * Otherwise each mount of ours is unmounted alone, deepest first, through an fd checked to be
 * that mount (`unmountOne`); one with a mount we did not make below it is left, and reported.
 * Failures are collected, never stop the loop.
 */
export function unmountRecord(
  sys: Syscalls,
  record: SetupRecord,
  mountinfoText: string,
): UnmountOutcome {
  const errors: Error[] = [];
  const ours = new Set<number>();
  for (const m of record.mounts) ours.add(m.mountId);
  for (const m of record.complete?.tree ?? []) ours.add(m.mountId);
  const selfId = selfBindId(sys, record);
  // The fast path needs only the IDs; the full parse is for the slow path.
  const scanned = scanMountIds(mountinfoText);
  const mountinfo = scanned ? null : parseMountInfo(mountinfoText);
  const tree =
    selfId === undefined
      ? []
      : scanned
        ? mountTreeIds(scanned, selfId)
        : mountTree(mountinfo ?? [], selfId).map((m) => m.mountId);
  if (!record.complete) for (const id of tree) ours.add(id);
  const rootfs = record.begin.rootfs;
  if (tree.length && tree.every((id) => ours.has(id))) {
    try {
      if (sys.statx(AT_FDCWD, rootfs, AT_SYMLINK_NOFOLLOW).mountId === selfId) {
        sys.umount2(rootfs, MNT_DETACH | UMOUNT_NOFOLLOW);
        return { unmounted: tree.length, fastPath: true, errors };
      }
    } catch (err) {
      errors.push(asMountError(err, "root.path", { target: rootfs }));
    }
  }
  return unmountEach(sys, record, mountinfo ?? parseMountInfo(mountinfoText), ours, errors);
}

/** The slow path: each mount of ours alone, deepest first, never one with a foreign mount below. */
function unmountEach(
  sys: Syscalls,
  record: SetupRecord,
  mountinfo: readonly MountInfoEntry[],
  ours: ReadonlySet<number>,
  errors: Error[],
): UnmountOutcome {
  const live = mountinfo.filter((m) => ours.has(m.mountId));
  const depth = depthOf(mountinfo);
  live.sort((a, b) => depth(b) - depth(a));
  let unmounted = 0;
  for (const m of live) {
    try {
      const foreign = mountTree(mountinfo, m.mountId).find((d) => !ours.has(d.mountId));
      if (foreign) {
        throw new MountError({
          code: "ESYSCALL",
          op: "umount2",
          target: m.mountPoint,
          errno: EBUSY,
          detail: `mount ${foreign.mountId} at ${foreign.mountPoint} was not made by setup`,
        });
      }
      unmountOne(sys, m);
      unmounted++;
    } catch (err) {
      errors.push(asMountError(err, whyOf(record, m.mountId), { target: m.mountPoint }));
    }
  }
  return { unmounted, fastPath: false, errors };
}

/**
 * Unmounts exactly mount `m`: opens its mountpoint O_PATH|O_NOFOLLOW, checks the fd is the root
 * of that mount ID, then detaches through the fd's magic link. A path string alone (even with
 * UMOUNT_NOFOLLOW, which only covers the last component) could be redirected by a directory on
 * the way swapped for a symlink between the check and the call; the fd cannot. MNT_DETACH,
 * because the fd itself keeps the mount busy; it is safe since nothing foreign is below it.
 */
function unmountOne(sys: Syscalls, m: MountInfoEntry): void {
  const fd = sys.openat(AT_FDCWD, m.mountPoint, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  try {
    const st = sys.statx(fd, "", AT_EMPTY_PATH);
    if (st.mountId !== m.mountId || !st.isMountRoot) {
      throw new MountError({
        code: "ESYSCALL",
        op: "umount2",
        target: m.mountPoint,
        errno: EBUSY,
        detail: `mount ${m.mountId} is covered by mount ${st.mountId}`,
      });
    }
    sys.umount2(procFd(fd), MNT_DETACH);
  } finally {
    sys.close(fd);
  }
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
