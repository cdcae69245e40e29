import type { StatusReport, StepStatus } from "@ocimount/mounter";
import { paint } from "./color.ts";
import { countLine } from "./countBy.ts";
import { fitColumns } from "./fitColumns.ts";
import { formatStatus } from "./formatStatus.ts";
import { oneLine } from "./oneLine.ts";
import { textTable } from "./textTable.ts";

/** How `status` prints for people. */
export type StatusFormat = "table" | "tree";

/** The steps that make a mount of their own (the others change the root's attributes). */
const MAKES_A_MOUNT = /^(root\.path|mounts\[\d+\]|linux\.(maskedPaths|readonlyPaths)\[\d+\])$/;

/** `/a/b/c`, `/a/b`, `/a`, `/`: the path and its parent directories, by components. */
function selfAndParents(path: string): string[] {
  const out = [path];
  for (let p = path; p !== "/" && p !== ""; ) {
    p = p.slice(0, p.lastIndexOf("/")) || "/";
    out.push(p);
  }
  return out;
}

/**
 * The mounts' tree as the kernel holds it: a mount's parent is the latest earlier step whose
 * target contains its own (a mount on the same path is stacked on the earlier one), so a
 * mount made before its parent's path was covered stays under the mount it was made on.
 */
function parents(steps: readonly StepStatus[]): number[] {
  const latest = new Map<string, number>();
  return steps.map((step, i) => {
    const target = step.target ?? "/";
    let parent = -1;
    for (const p of selfAndParents(target)) {
      const j = latest.get(p);
      if (j !== undefined) {
        parent = j;
        break;
      }
    }
    latest.set(target, i);
    return parent;
  });
}

/** Tree prefixes in findmnt's style (`├─`, `└─`, `│ `), in depth-first order. */
function treeRows(steps: readonly StepStatus[]): { prefix: string; step: StepStatus }[] {
  const parent = parents(steps);
  const children: number[][] = steps.map(() => []);
  for (const [k, p] of parent.entries()) if (p >= 0) children[p]?.push(k);
  const rows: { prefix: string; step: StepStatus }[] = [];
  const walk = (i: number, lead: string, branch: string) => {
    rows.push({ prefix: `${lead}${branch}`, step: steps[i]! });
    const kids = children[i] ?? [];
    const next = branch === "" ? lead : `${lead}${branch === "└─" ? "  " : "│ "}`;
    for (const [n, k] of kids.entries()) walk(k, next, n === kids.length - 1 ? "└─" : "├─");
  };
  for (const [i, p] of parent.entries()) if (p < 0) walk(i, "", "");
  return rows;
}

/** Rows cut to the width, WHERE and DETAIL first, written back into a copy of the report. */
function fitted(report: StatusReport, width: number | undefined): StatusReport {
  if (width === undefined) return report;
  const cells = [
    ["WHY", "STATE", "WHERE", "DETAIL"],
    ...report.steps.map((s) => [s.why, s.state, s.target ?? "-", s.detail ?? ""].map(oneLine)),
  ];
  const cut = fitColumns(cells, width, [2, 3]).slice(1);
  const steps = report.steps.map((s, i) => ({
    ...s,
    ...(s.target === undefined ? {} : { target: cut[i]?.[2] ?? s.target }),
    ...(s.detail === undefined ? {} : { detail: cut[i]?.[3] ?? s.detail }),
  }));
  return { ...report, steps };
}

/**
 * `status` for people: the table (`formatStatus`, its columns cut to `width`) or the tree of
 * the mounts setup made, as `findmnt` draws it (TARGET with `├─`, STATE, WHY, DETAIL; steps
 * that change the root's attributes, `root.readonly` and `linux.rootfsPropagation`, and those
 * that made nothing, are in the table and the counts only); then a line counting the steps by state, for thousands of rows.
 */
export function formatStatusView(
  report: StatusReport,
  format: StatusFormat,
  color: boolean,
  width?: number,
): string[] {
  const summary =
    report.steps.length === 0
      ? []
      : [
          paint(
            color,
            2,
            countLine(report.steps, (s) => s.state, "step"),
          ),
        ];
  if (format === "table") return [...formatStatus(fitted(report, width), color), ...summary];
  const head = formatStatus({ ...report, steps: [] }, color);
  const mounts = report.steps.filter((s) => MAKES_A_MOUNT.test(s.why) && s.target !== undefined);
  if (mounts.length === 0) return head;
  const rows = treeRows(mounts).map(({ prefix, step }) => [
    `${prefix}${oneLine(step.target ?? "/")}`,
    step.state,
    oneLine(step.why),
    oneLine(step.detail ?? ""),
  ]);
  const [header = "", ...body] = textTable(
    fitColumns([["TARGET", "STATE", "WHY", "DETAIL"], ...rows], width, [0, 3]),
  );
  return [...head, paint(color, 2, header), ...body, ...summary];
}
