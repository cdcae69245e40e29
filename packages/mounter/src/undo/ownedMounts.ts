import type { MountIdentity } from "./MountIdentity.ts";
import type { UndoSet } from "./UndoSet.ts";

/**
 * The ownership rules: which live mounts (`live`, parents before children) setup made.
 *  - `unique` proof: a live mount is ours when its 64-bit ID is one setup recorded; the kernel
 *    never reuses one, so nothing else can match.
 *  - `place` proof: its 32-bit ID and mount point are a recorded pair AND its parent is ours
 *    (the self-bind's parent must be the mount the rootfs was on before setup; without a
 *    self-bind, the hook's, the parent may also be any mount live when the run began).
 *  - A pending step (announced, never recorded) owns at most one mount: the oldest live one at
 *    its place, newer than the step's `after` mark, not recorded, whose parent is ours or the
 *    parent the step named (for the self-bind: the rootfs's mount). Whatever lies below such a mount is not proven ours.
 * Everything else (a user's mount under the rootfs, another bundle's, one made after a crash)
 * is not ours, whatever its place. With `place` proof, `confirm` (given the live mount and the
 * recorded identity, when that has a `rootStat`) may still deny a match: a mount handed our
 * freed ID at our place whose root is another (`rootStatCheck`).
 */
export function ownedMounts(
  set: UndoSet,
  live: readonly MountIdentity[],
  confirm?: (live: MountIdentity, recorded: MountIdentity) => boolean,
): Set<MountIdentity> {
  const ours = new Set<MountIdentity>();
  const recorded = set.mounts.map((m) => m.mount);
  if (set.proof === "unique") {
    const ids = new Set(recorded.map((m) => m.unique));
    for (const m of live) if (ids.has(m.unique)) ours.add(m);
  } else {
    const places = new Map(recorded.map((m) => [`${m.id} ${m.at}`, m]));
    const proven = new Set<number>();
    // The hook's mounts go onto the runtime's (its /dev, /proc...), there before it began.
    const before = new Set(set.self === undefined ? (set.existing ?? []) : []);
    for (const m of live) {
      const rec = places.get(`${m.id} ${m.at}`);
      if (rec === undefined) continue;
      if (confirm && rec.rootStat !== undefined && !confirm(m, rec)) continue;
      const isSelf = set.self !== undefined && m.id === set.self.id && m.at === set.self.at;
      // Setup's mounts hang below its self-bind; only the hook's go straight onto the base.
      const onBase = m.parent === set.base.id && (set.self === undefined || isSelf);
      if (onBase || before.has(m.parent) || (!isSelf && proven.has(m.parent))) {
        ours.add(m);
        proven.add(m.id);
      }
    }
  }
  for (const p of set.pending) {
    const found = pendingMount(set, p, live, ours);
    if (found) ours.add(found);
  }
  return ours;
}

function pendingMount(
  set: UndoSet,
  p: UndoSet["pending"][number],
  live: readonly MountIdentity[],
  ours: ReadonlySet<MountIdentity>,
): MountIdentity | undefined {
  const unique = set.proof === "unique";
  const byKey = new Map<number, MountIdentity>();
  for (const m of live) byKey.set(unique ? m.unique : m.id, m);
  let best: MountIdentity | undefined;
  for (const m of live) {
    if (ours.has(m) || m.at !== p.at) continue;
    if (unique && m.unique <= p.after) continue;
    const parentKey = unique ? m.parentUnique : m.parent;
    const parent = byKey.get(parentKey);
    const onExpected =
      (p.anyParent === true &&
        (unique || (p.existing !== undefined && !p.existing.includes(m.id)))) ||
      (p.parent !== undefined && parentKey === (unique ? p.parent.unique : p.parent.id)) ||
      (parent !== undefined && ours.has(parent));
    if (!onExpected) continue;
    if (!best || (unique ? m.unique < best.unique : false)) best = m;
  }
  return best;
}
