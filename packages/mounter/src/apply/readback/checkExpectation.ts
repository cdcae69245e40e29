import type { MountInfoEntry } from "@ocimount/mount-flags";
import type { Expectation } from "./Expectation.ts";

/**
 * What differs between a mount as read back and what was asked of it: `""` when it matches,
 * else a short description (`missing`, `expected ro, got rw,nosuid,relatime`).
 */
export function checkExpectation(e: Expectation, live: MountInfoEntry | undefined): string {
  if (!live) return `mount ${e.mountId} is not in mountinfo`;
  const opts = new Set(live.mountOptions);
  const missing = e.on.filter((w) => !opts.has(w));
  const extra = e.off.filter((w) => opts.has(w));
  const problems: string[] = [];
  if (missing.length) problems.push(`expected ${missing.join(",")}`);
  if (extra.length) problems.push(`unexpected ${extra.join(",")}`);
  if (e.propagation && e.propagation !== live.propagation) {
    const slaveOfNothing = e.propagation === "slave" && live.propagation === "private";
    if (!slaveOfNothing)
      problems.push(`expected ${e.propagation} propagation, got ${live.propagation}`);
  }
  return problems.length
    ? `${problems.join("; ")} (mount ${e.mountId}: ${live.mountOptions.join(",")} ${live.propagation})`
    : "";
}
