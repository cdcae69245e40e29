import type { MountInfoEntry } from "@ocimount/mount-flags";
import { MountError } from "../../errors.ts";
import { checkExpectation } from "./checkExpectation.ts";
import type { Expectation } from "./Expectation.ts";

/**
 * Checks every expectation against one read of mountinfo, by mount ID. Throws `MountError`
 * (`EVERIFY`, `where` of the first mismatch, every mismatch in `detail`) if the kernel did not
 * apply what was asked.
 */
export function verifyMounts(
  expectations: readonly Expectation[],
  mountinfo: readonly MountInfoEntry[],
): void {
  const byId = new Map(mountinfo.map((m) => [m.mountId, m]));
  const failures: Array<{ e: Expectation; why: string }> = [];
  for (const e of expectations) {
    const why = checkExpectation(e, byId.get(e.mountId));
    if (why) failures.push({ e, why });
  }
  const first = failures[0];
  if (!first) return;
  const live = byId.get(first.e.mountId);
  throw new MountError({
    code: "EVERIFY",
    op: "verify",
    where: first.e.why,
    target: live?.mountPoint,
    detail: failures.map((f) => `${f.e.why}: ${f.why}`).join("; "),
  });
}
