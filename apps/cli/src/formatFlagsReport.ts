import type { BitsReport } from "./bitsReport.ts";
import type { FlagsReport } from "./flagsReport.ts";
import { oneLine } from "./oneLine.ts";
import { textTable } from "./textTable.ts";

const bits = (b: BitsReport) => `${b.hex}  ${b.names.length > 0 ? b.names.join("|") : "-"}`;
const yesNo = (v: boolean) => (v ? "yes" : "no");

/** The `flags` report as aligned `label  value` lines for a person to read. */
export function formatFlagsReport(report: FlagsReport): string[] {
  const bind = report.bind ? (report.recursiveBind ? "yes (recursive, rbind)" : "yes") : "no";
  const idmap = report.idmap ? (report.recursiveIdmap ? "yes (recursive)" : "yes") : "no";
  const rows: string[][] = [
    ["options", oneLine(report.options.join(","))],
    ["flags", bits(report.flags)],
    ["clears", bits(report.clearFlags)],
    ["atime", report.atime ?? "- (none set: relatime on a new mount, a bind keeps its source's)"],
    ["bind", bind],
    ["remount", yesNo(report.remount)],
    [
      "propagation",
      report.propagation.length > 0 ? report.propagation.map(bits).join(", then ") : "-",
    ],
    ["recursive set", bits(report.recursive.attrSet)],
    ["recursive clear", bits(report.recursive.attrClr)],
    ["idmap", idmap],
    ["tmpcopyup", yesNo(report.tmpcopyup)],
    ["data", report.data === "" ? "-" : oneLine(report.data)],
    ["unknown", report.unknown.length > 0 ? oneLine(report.unknown.join(" ")) : "-"],
  ];
  return textTable(rows);
}
