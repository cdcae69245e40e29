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

const PROOF: Readonly<Record<string, string>> = {
  unique: "ownership proven by 64-bit mount IDs",
  place: "ownership proven by mount ID, place and parent (kernel before 6.8)",
};

/**
 * A status report for people: `BUNDLE: set-up` (or `partial`, `drifted`, `stale`,
 * `foreign-namespace`, `not-set-up`), indented notes (the proof of ownership used, the other
 * namespace, how to discard a stale journal), then one row per planned
 * step: why, state (mounted, missing, changed, skipped), where, and what changed.
 */
export function formatStatus(report: StatusReport, color: boolean): string[] {
  const notes = [
    report.state !== "not-set-up" && !report.finished ? "setup did not finish" : "",
    report.proof ? (PROOF[report.proof] ?? report.proof) : "",
    report.detail ?? "",
    report.state === "stale" ? "discard the journal with: ocimount teardown --forget" : "",
  ].filter(Boolean);
  const title = `${oneLine(report.bundleDir)}: ${report.state}`;
  const noteLines = notes.map((n) => paint(color, 2, `  ${oneLine(n)}`));
  if (report.steps.length === 0) return [title, ...noteLines];
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
  return [title, ...noteLines, paint(color, 2, header), ...painted];
}
