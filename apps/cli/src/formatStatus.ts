import type { StatusReport } from "@ocimount/mounter";
import { paint } from "./color.ts";
import { oneLine } from "./oneLine.ts";
import { textTable } from "./textTable.ts";

const STATE_COLOR: Readonly<Record<string, number>> = {
  mounted: 32,
  missing: 31,
  changed: 33,
  skipped: 2,
};

/**
 * A status report for people: `BUNDLE: set-up` (or `not-set-up`, `incomplete`), then one row
 * per planned step: why, state (mounted, missing, changed, skipped), where, and what changed.
 */
export function formatStatus(report: StatusReport, color: boolean): string[] {
  const title = `${oneLine(report.bundleDir)}: ${report.state}`;
  if (report.steps.length === 0) return [title];
  const rows = report.steps.map((s) =>
    [s.why, s.state, s.target ?? "-", s.detail ?? ""].map(oneLine),
  );
  const [header = "", ...body] = textTable([["WHY", "STATE", "WHERE", "DETAIL"], ...rows]);
  const painted = body.map((line, i) => {
    const state = report.steps[i]?.state ?? "";
    return color && STATE_COLOR[state]
      ? line.replace(state, paint(true, STATE_COLOR[state], state))
      : line;
  });
  return [title, paint(color, 2, header), ...painted];
}
