import { parseMountInfo } from "@ocimount/mount-flags";
import { errorCode } from "../apply/asMountError.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { MountIdentity, Proof } from "./MountIdentity.ts";
import { identityOf } from "./MountIdentity.ts";

/**
 * The live subtree of `root` in the caller's mount namespace, parents before children, or
 * `null` when `root` is not live here. With `unique` proof: statmount and listmount (the root
 * looked up by its 64-bit ID, so a reused 32-bit ID never stands in for it). With `place`
 * proof: mountinfo, the root found by 32-bit ID and mount point.
 */
export function liveTree(sys: Syscalls, proof: Proof, root: MountIdentity): MountIdentity[] | null {
  if (proof === "place") return placeTree(sys, root);
  const below = liveIds(sys, root.unique);
  if (below === null) return null;
  const mounts: MountIdentity[] = [];
  try {
    mounts.push(identityOf(sys, root.unique));
    for (const u of below) mounts.push(identityOf(sys, u));
  } catch (err) {
    // A mount unmounted between listmount and statmount is simply no longer there.
    if (errorCode(err) !== "ENOENT") throw err;
    return liveTree(sys, proof, root);
  }
  return parentsFirst(
    mounts,
    (m) => m.unique,
    (m) => m.parentUnique,
  );
}

/** listmount of a 64-bit ID: every mount below it, or `null` when it is not live here. */
export function liveIds(sys: Syscalls, unique: number): number[] | null {
  try {
    return sys.listmount(unique);
  } catch (err) {
    if (errorCode(err) === "ENOENT") return null;
    throw err;
  }
}

function placeTree(sys: Syscalls, root: MountIdentity): MountIdentity[] | null {
  const table = parseMountInfo(sys.mountInfo()).map((m) => ({
    id: m.mountId,
    unique: 0,
    parent: m.parentId,
    parentUnique: 0,
    at: m.mountPoint,
  }));
  const now = table.find((m) => m.id === root.id && (root.at === "" || m.at === root.at));
  if (!now) return null;
  return parentsFirst(
    [now, ...table.filter((m) => m !== now && m.id !== m.parent)],
    (m) => m.id,
    (m) => m.parent,
  );
}

/** `mounts[0]` and its descendants among `mounts`, parents before children. */
function parentsFirst(
  mounts: MountIdentity[],
  key: (m: MountIdentity) => number,
  parentKey: (m: MountIdentity) => number,
): MountIdentity[] {
  const [root] = mounts;
  if (!root) return [];
  const children = new Map<number, MountIdentity[]>();
  for (let i = 1; i < mounts.length; i++) {
    const m = mounts[i] as MountIdentity;
    const list = children.get(parentKey(m));
    if (list) list.push(m);
    else children.set(parentKey(m), [m]);
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    for (const c of children.get(key(out[i] as MountIdentity)) ?? []) out.push(c);
  }
  return out;
}
