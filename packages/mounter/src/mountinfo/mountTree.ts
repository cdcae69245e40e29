import type { MountInfoEntry } from "@ocimount/mount-flags";

/** The mount `rootId` and every mount below it, parents before children. Empty if `rootId` is not live. */
export function mountTree(mountinfo: readonly MountInfoEntry[], rootId: number): MountInfoEntry[] {
  const byParent = new Map<number, MountInfoEntry[]>();
  for (const m of mountinfo) {
    if (m.mountId === m.parentId) continue;
    const list = byParent.get(m.parentId);
    if (list) list.push(m);
    else byParent.set(m.parentId, [m]);
  }
  const root = mountinfo.find((m) => m.mountId === rootId);
  if (!root) return [];
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(byParent.get(out[i]!.mountId) ?? []));
  return out;
}
