import { machine, release, type } from "node:os";
import { type KernelFeature, probeKernelFeatures } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { jsonArg } from "../commonArgs.ts";
import { fitColumns } from "../fitColumns.ts";
import { output } from "../Output.ts";
import { terminalWidth } from "../terminalWidth.ts";
import { textTable } from "../textTable.ts";
import { VERSION } from "../version.ts";

/** Example invocations for `ocimount version --help`. */
export const examples = ["ocimount version", "ocimount version --json | jq '.features'"];

/** `ocimount version --json`: what runs here. */
export interface VersionReport {
  /** The format of this document. */
  version: 1;
  ocimount: string;
  bun: { version: string; revision: string };
  kernel: { type: string; release: string; machine: string };
  features: KernelFeature[];
}

/** The version report for this process and kernel (probes the kernel, changes nothing). */
export function versionReport(): VersionReport {
  return {
    version: 1,
    ocimount: VERSION,
    bun: { version: Bun.version, revision: Bun.revision },
    kernel: { type: type(), release: release(), machine: machine() },
    features: probeKernelFeatures(),
  };
}

/** The report for people: one line each for ocimount, Bun and the kernel, then a feature table. */
export function formatVersion(report: VersionReport, width?: number): string[] {
  const { kernel } = report;
  const rows = report.features.map((f) => [
    `  ${f.name}`,
    f.available ? "yes" : `no (${f.errnoName ?? "unknown"})`,
    `Linux ${f.since}`,
    f.use,
  ]);
  return [
    `ocimount ${report.ocimount}`,
    `bun ${report.bun.version} (${report.bun.revision.slice(0, 12)})`,
    `kernel ${kernel.type} ${kernel.release} ${kernel.machine}`,
    "kernel features:",
    ...textTable(fitColumns(rows, width, [3])),
  ];
}

/**
 * `ocimount version [--json]`: the versions of ocimount, Bun and the kernel, and which kernel
 * features ocimount found (openat2, the mount API, mount_setattr, idmap, STATX_MNT_ID_UNIQUE,
 * listmount/statmount). `ocimount --version` stays the bare version and probes nothing.
 */
export default defineCommand({
  meta: { name: "version", description: "Show the versions and the kernel features found" },
  args: { json: jsonArg },
  run({ args }) {
    const out = output();
    const report = versionReport();
    if (args.json) out.json(report);
    else out.out(formatVersion(report, terminalWidth(out.stdoutTty)).join("\n"));
  },
});
