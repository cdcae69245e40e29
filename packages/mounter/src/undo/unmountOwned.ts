import { AT_EMPTY_PATH, MNT_DETACH } from "@ocimount/mount-flags";
import { AT_FDCWD, O_CLOEXEC, O_NOFOLLOW, O_PATH } from "@ocimount/mount-flags/linux";
import { asMountError } from "../apply/asMountError.ts";
import { procFd } from "../apply/procFd.ts";
import { MountError } from "../errors.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { liveIds, liveTree } from "./liveMounts.ts";
import type { MountIdentity } from "./MountIdentity.ts";
import { ownedMounts } from "./ownedMounts.ts";
import { resolvePending } from "./resolvePending.ts";
import { rootStatCheck } from "./rootStatCheck.ts";
import type { UndoSet } from "./UndoSet.ts";

/** What unmounting an undo set did. */
export interface UnmountOutcome {
  unmounted: number;
  /** True when one MNT_DETACH of the self-bind took the whole tree (every mount in it ours). */
  fastPath: boolean;
  /** True when none of the recorded mounts is live here: nothing was touched. */
  stale: boolean;
  /** Mounts not made by setup that kept some of ours in place (each left alone). */
  foreign: MountIdentity[];
  errors: Error[];
}

/** What unmounting an undo set will do, decided before anything is touched (`planUnmount`). */
export interface UnmountPlan {
  /** None of the recorded mounts is live here: nothing will be touched. */
  stale: boolean;
  /**
   * The self-bind, when every mount in its tree is ours: one MNT_DETACH of it takes them all
   * (`count` of them).
   */
  fast?: { self: MountIdentity; count: number };
  /** Otherwise the mounts of ours to unmount one by one, deepest first, each with its step. */
  unmount: Array<{ why: string; mount: MountIdentity }>;
  /** Mounts not made by setup that sit right on one of ours, which stays (with those above). */
  foreign: Array<{ mount: MountIdentity; on: string }>;
}

/**
 * Decides, from the live mount table alone, what `unmountOwned` will take down: the mounts of
 * `set` live in this namespace and proven ours (`ownedMounts`), and nothing else. When every
 * mount below the self-bind is ours (and no step is pending), one MNT_DETACH of the self-bind
 * (docs/KERNEL.md item 13). Otherwise each of ours alone, deepest first; one with a mount below
 * it that setup did not make is left, and that foreign mount is reported. Touches no mount.
 */
export function planUnmount(sys: Syscalls, set: UndoSet): UnmountPlan {
  const plan: UnmountPlan = { stale: false, unmount: [], foreign: [] };
  const fast = set.pending.length === 0 ? fastPath(sys, set) : undefined;
  if (fast) return { ...plan, fast };
  const selfLive = set.self !== undefined && liveTree(sys, set.proof, set.self) !== null;
  const root = selfLive ? set.self : set.base;
  const tree = root ? (liveTree(sys, set.proof, root) ?? []) : [];
  const ours = ownedMounts(resolvePending(sys, set, tree), tree, rootStatCheck(sys));
  if (ours.size === 0) return { ...plan, stale: set.mounts.length > 0 };
  const depth = depthOf(tree, set.proof);
  const foreignBelow = foreignBelowOf(tree, ours, set.proof);
  const whyOf = whyLookup(set);
  const todo = [...ours].sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0));
  for (const m of todo) if (!foreignBelow.has(m)) plan.unmount.push({ why: whyOf(m), mount: m });
  // Each mount not made by setup that sits right on one of ours kept that one (and every
  // mount of ours above it) in place.
  const byKey = new Map(tree.map((m) => [keyOf(m, set.proof), m]));
  for (const f of tree) {
    const parent = byKey.get(parentKeyOf(f, set.proof));
    if (ours.has(f) || !parent || !ours.has(parent)) continue;
    plan.foreign.push({ mount: f, on: whyOf(parent) });
  }
  return plan;
}

/**
 * Unmounts the mounts of `set` that are live in this namespace, and nothing else, as
 * `planUnmount` decides: one detach of the self-bind when the whole tree is ours, else each of
 * ours alone, deepest first, through an fd checked to be that very mount, leaving any with a
 * foreign mount below it and reporting that mount (`mount 129 at /x was not made by setup`).
 * Failures are collected, never stop the loop.
 */
export function unmountOwned(sys: Syscalls, set: UndoSet): UnmountOutcome {
  const plan = planUnmount(sys, set);
  const out: UnmountOutcome = {
    unmounted: 0,
    fastPath: false,
    stale: plan.stale,
    foreign: plan.foreign.map((f) => f.mount),
    errors: [],
  };
  if (plan.fast) {
    try {
      unmountOne(sys, set, plan.fast.self);
      out.unmounted = plan.fast.count;
      out.fastPath = true;
    } catch (err) {
      out.errors.push(asMountError(err, "root.path", { target: set.rootfs }));
    }
    return out;
  }
  for (const { why, mount } of plan.unmount) {
    try {
      unmountOne(sys, set, mount);
      out.unmounted++;
    } catch (err) {
      out.errors.push(asMountError(err, why, { target: mount.at }));
    }
  }
  for (const { mount: f, on } of plan.foreign) {
    out.errors.push(
      new MountError({
        code: "EFOREIGN",
        op: "teardown",
        where: on,
        target: f.at,
        detail: `mount ${f.id} at ${f.at} was not made by setup; the mounts of setup above it are left in place`,
      }),
    );
  }
  return out;
}

/** The self-bind and the size of its tree, when every mount in it is ours; else undefined. */
function fastPath(sys: Syscalls, set: UndoSet): UnmountPlan["fast"] {
  const self = set.self;
  if (!self) return undefined;
  if (set.proof === "unique") {
    const below = liveIds(sys, self.unique);
    if (below === null) return undefined;
    const ours = new Set(set.mounts.map((m) => m.mount.unique));
    return below.every((u) => ours.has(u)) ? { self, count: below.length + 1 } : undefined;
  }
  const tree = liveTree(sys, set.proof, self);
  if (tree === null || ownedMounts(set, tree, rootStatCheck(sys)).size !== tree.length)
    return undefined;
  return { self, count: tree.length };
}

/**
 * Unmounts exactly mount `m`: opens its mount point O_PATH|O_NOFOLLOW, checks the fd is the root
 * of that very mount (its 32-bit ID and, with unique proof, its 64-bit one), then detaches
 * through the fd's magic link. A path string alone could be redirected by a directory on the
 * way swapped for a symlink between the check and the call; the fd cannot. MNT_DETACH, because
 * the fd itself keeps the mount busy; it is safe since nothing foreign is below it.
 */
function unmountOne(sys: Syscalls, set: UndoSet, m: MountIdentity): void {
  const fd = sys.openat(AT_FDCWD, m.at, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  try {
    const st = sys.statx(fd, "", AT_EMPTY_PATH);
    const unique = set.proof === "unique" ? sys.uniqueMountId(fd, "", AT_EMPTY_PATH) : 0;
    if (
      !st.isMountRoot ||
      st.mountId !== m.id ||
      unique !== (set.proof === "unique" ? m.unique : 0)
    ) {
      throw new MountError({
        code: "EFOREIGN",
        op: "teardown",
        target: m.at,
        detail: `mount ${m.id} is covered by mount ${st.mountId}, not made by setup`,
      });
    }
    sys.umount2(procFd(fd), MNT_DETACH);
  } finally {
    sys.close(fd);
  }
}

function keyOf(m: MountIdentity, proof: UndoSet["proof"]): number {
  return proof === "unique" ? m.unique : m.id;
}

function parentKeyOf(m: MountIdentity, proof: UndoSet["proof"]): number {
  return proof === "unique" ? m.parentUnique : m.parent;
}

/** Depth of each mount of `tree` (parents first) below its root. */
function depthOf(
  tree: readonly MountIdentity[],
  proof: UndoSet["proof"],
): Map<MountIdentity, number> {
  const byKey = new Map<number, number>();
  const out = new Map<MountIdentity, number>();
  for (const m of tree) {
    const d = (byKey.get(parentKeyOf(m, proof)) ?? -1) + 1;
    byKey.set(keyOf(m, proof), d);
    out.set(m, d);
  }
  return out;
}

/** For each mount of `tree` (parents first), one mount below it that is not ours, if any. */
function foreignBelowOf(
  tree: readonly MountIdentity[],
  ours: ReadonlySet<MountIdentity>,
  proof: UndoSet["proof"],
): Map<MountIdentity, MountIdentity> {
  const byKey = new Map<number, MountIdentity>();
  for (const m of tree) byKey.set(keyOf(m, proof), m);
  const out = new Map<MountIdentity, MountIdentity>();
  for (let i = tree.length - 1; i > 0; i--) {
    const m = tree[i] as MountIdentity;
    const parent = byKey.get(parentKeyOf(m, proof));
    if (!parent || out.has(parent)) continue;
    const found = ours.has(m) ? out.get(m) : m;
    if (found) out.set(parent, found);
  }
  return out;
}

function whyLookup(set: UndoSet): (m: MountIdentity) => string {
  const why = new Map<string, string>();
  for (const r of set.mounts) why.set(`${r.mount.unique} ${r.mount.id} ${r.mount.at}`, r.why);
  return (m) => why.get(`${m.unique} ${m.id} ${m.at}`) ?? `mount ${m.id}`;
}
