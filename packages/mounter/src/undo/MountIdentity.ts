import { AT_EMPTY_PATH } from "@ocimount/mount-flags";
import { readBack } from "../mountinfo/readBack.ts";
import type { FileStat, Syscalls } from "../sys/Syscalls.ts";

/**
 * How a journal proves that a live mount is one setup made:
 *  - `unique`: the 64-bit mount ID of statx `STATX_MNT_ID_UNIQUE` / statmount (Linux 6.8+),
 *    which the kernel never gives to another mount;
 *  - `place`: on older kernels, the 32-bit mountinfo ID (reused as soon as a mount is gone) AND
 *    the mount point, under a parent that is itself proven ours (the self-bind's parent is the
 *    mount the rootfs was on before setup).
 */
export type Proof = "unique" | "place";

/** Who a mount is: enough to recognise it, and only it, later in the same mount namespace. */
export interface MountIdentity {
  /** The 32-bit mountinfo ID. */
  id: number;
  /** The 64-bit ID (`STATX_MNT_ID_UNIQUE`); 0 when the kernel has none (`place` proof). */
  unique: number;
  /** The parent's IDs, when known (0 otherwise). */
  parent: number;
  parentUnique: number;
  /** The mount point as mountinfo shows it (relative to the caller's root). */
  at: string;
  /**
   * With `place` proof, what statx said of the mount's root when it was made (`rootStatOf`:
   * device, inode and birth time): a later mount handed the same freed 32-bit ID at the same
   * place is told apart by it (`ownedMounts`' `confirm`), a new tmpfs included (the kernel hands
   * out its anonymous device number and root inode again, not its birth time). Absent with
   * `unique` proof, for an rbind's submounts (read from mountinfo), and in older journals.
   */
  rootStat?: string;
}

/** A mount setup attached, and the mounts it brought along (an rbind's submounts). */
export interface IdentifiedMount {
  mount: MountIdentity;
  below: MountIdentity[];
}

/**
 * The identity of the mount `fd` is the root of (just attached by setup), and, for a recursive
 * bind, of every mount it brought along. With unique IDs: statx, statmount and listmount; without,
 * the fd's path and, for a recursive one, one read of mountinfo.
 */
export function identifyMount(sys: Syscalls, fd: number, recursive: boolean): IdentifiedMount {
  const unique = sys.uniqueMountId(fd, "", AT_EMPTY_PATH);
  if (unique) {
    // statmount gives the 32-bit ID too: no statx of its own (one syscall less per mount).
    // Submounts an rbind brought along were copied after their top, so they have higher IDs:
    // listmount from its own ID on walks them, not the namespace's other N mounts (setup would
    // be quadratic in the number of rbinds otherwise).
    const mount = identityOf(sys, unique);
    const below = recursive ? sys.listmount(unique, unique).map((u) => identityOf(sys, u)) : [];
    return { mount, below };
  }
  const st = sys.statx(fd, "", AT_EMPTY_PATH);
  const at = sys.fdPath(fd);
  const mount: MountIdentity = {
    id: st.mountId,
    unique: 0,
    parent: 0,
    parentUnique: 0,
    at,
    rootStat: rootStatOf(st),
  };
  if (!recursive) return { mount, below: [] };
  const tree = readBack(sys.mountInfo()).tree(st.mountId);
  const below = tree
    .slice(1)
    .map((m) => ({ id: m.mountId, unique: 0, parent: 0, parentUnique: 0, at: m.mountPoint }));
  return { mount, below };
}

/** The identity of a live mount by its 64-bit ID (statmount). */
export function identityOf(sys: Syscalls, unique: number): MountIdentity {
  const st = sys.statmount(unique);
  return {
    id: st.mountId,
    unique: st.uniqueId,
    parent: st.parentId,
    parentUnique: st.parentUniqueId,
    at: st.mountPoint,
  };
}

/**
 * The mount `(dirfd, path)` is on, as an identity (parent and place included with unique IDs;
 * with the 32-bit ID only otherwise, `at` left empty).
 */
export function identifyAt(
  sys: Syscalls,
  dirfd: number,
  path: string,
  flags: number,
): MountIdentity {
  const unique = sys.uniqueMountId(dirfd, path, flags);
  if (unique) return identityOf(sys, unique);
  const id = sys.statx(dirfd, path, flags).mountId;
  return { id, unique: 0, parent: 0, parentUnique: 0, at: "" };
}

/**
 * A mount root's statx as identities record it: `major:minor inode`, then the birth time when the
 * filesystem records one (`0:41 1 1796177056.752428895`).
 */
export function rootStatOf(st: FileStat): string {
  const base = `${st.devMajor}:${st.devMinor} ${st.ino}`;
  return st.btime === undefined ? base : `${base} ${st.btime}`;
}
