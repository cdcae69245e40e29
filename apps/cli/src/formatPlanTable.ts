import type { PlanJson } from "@ocimount/mounter";
import { paint } from "./color.ts";
import { countLine } from "./countBy.ts";
import { fitColumns } from "./fitColumns.ts";
import { oneLine } from "./oneLine.ts";
import { textTable } from "./textTable.ts";

/** SOURCE, WHERE and OPTIONS give way to a narrow terminal; #, WHY and WHAT stay whole. */
const PATH_COLUMNS = [3, 4, 5];

/**
 * The plan as a table for people: a header line, then one row per step in order with why
 * (the config entry), what (the action and its source), where (the in-root target and, when
 * symlinks make it differ, today's host path) and the options. Every cell is made one line,
 * so hostile paths cannot forge rows. With a `width`, the widest columns are cut in the middle
 * to fit it (see `fitColumns`); a last line counts the steps by kind, for plans of thousands.
 * The plan's warnings are left out: the commands print them on stderr with their JSON pointers.
 */
export function formatPlanTable(plan: PlanJson, color: boolean, width?: number): string[] {
  const head = ["#", "WHY", "WHAT", "SOURCE", "WHERE", "OPTIONS"];
  const rows = plan.steps.map((step, i) => {
    const d = step.describe;
    const plainHost = `${plan.rootfs}${d.target === "/" ? "" : d.target}`;
    const where = d.hostPath === plainHost ? d.target : `${d.target} [${d.hostPath}]`;
    return [String(i + 1), d.why, d.action, d.source, where, d.options.join(",") || "-"].map(
      oneLine,
    );
  });
  const [header = "", ...body] = textTable(fitColumns([head, ...rows], width, PATH_COLUMNS));
  const title = `plan for ${oneLine(plan.bundleDir)} (rootfs ${oneLine(plan.rootfs)}): ${rows.length} steps`;
  const summary = countLine(plan.steps, (s) => s.kind, "step");
  return [paint(color, 1, title), paint(color, 2, header), ...body, paint(color, 2, summary)];
}
