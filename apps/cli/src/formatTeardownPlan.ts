import type { TeardownPlan } from "@ocimount/mounter";
import { oneLine } from "./oneLine.ts";

/**
 * `teardown --dry-run` as text: one line saying what teardown would do, then one line per
 * mount it would unmount (`unmount mounts[3] /b/rootfs/x (mount 71)`), per foreign mount it
 * would leave, and per mountpoint it would try to remove; the last line says nothing was done.
 */
export function formatTeardownPlan(bundleDir: string, plan: TeardownPlan): string[] {
  const bundle = oneLine(bundleDir);
  if (plan.stale) {
    return [
      `teardown of ${bundle} would refuse: none of the journal's mounts is live in this namespace (teardown --forget discards it)`,
      "nothing was done (--dry-run)",
    ];
  }
  const how = plan.fastPath ? " (one detach of the self-bind takes them all)" : "";
  const lines = [
    `teardown of ${bundle} would unmount ${plan.unmount.length} mount${plan.unmount.length === 1 ? "" : "s"}${how}, leave ${plan.foreign.length} foreign, try to remove ${plan.remove.length} mountpoint${plan.remove.length === 1 ? "" : "s"}:`,
  ];
  for (const u of plan.unmount)
    lines.push(`  unmount ${u.why} ${oneLine(u.at)} (mount ${u.mountId})`);
  for (const f of plan.foreign)
    lines.push(`  leave   ${oneLine(f.at)} (mount ${f.mountId}, not setup's, on ${f.on})`);
  for (const path of plan.remove) lines.push(`  remove  ${oneLine(path)} (if still empty)`);
  lines.push("nothing was done (--dry-run)");
  return lines;
}
