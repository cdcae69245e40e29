import { resolve } from "node:path";
import { status } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { bundleArg, jsonArg, stateDirArg } from "../commonArgs.ts";
import { formatStatusView } from "../formatStatusView.ts";
import { jsonDocument } from "../jsonVersion.ts";
import { output } from "../Output.ts";
import { ReportedFailure } from "../ReportedFailure.ts";
import { withStateDir } from "../stateDirError.ts";
import { terminalWidth } from "../terminalWidth.ts";

/** Example invocations for `ocimount status --help`. */
export const examples = [
  "ocimount status --bundle ./bundle",
  "ocimount status --json | jq '.steps[].state'",
  "ocimount status --check && echo ready",
  "ocimount status --format tree",
];

/**
 * `ocimount status [--bundle DIR] [--state-dir DIR] [--json]`: each step setup planned (every
 * spec mount among them) as mounted, missing, changed or skipped, from its journal against the
 * live mount table of this mount namespace, and a verdict that follows the rows: set-up,
 * partial, drifted, stale, foreign-namespace or not-set-up. Exits 0 whenever it could report;
 * with `--check`, 0 only when the bundle is fully set up (1 otherwise, after the report); 1 if
 * the journal is unreadable or cannot be trusted.
 */
export default defineCommand({
  meta: { name: "status", description: "Show each spec mount as mounted, missing or changed" },
  args: {
    bundle: bundleArg,
    "state-dir": stateDirArg,
    check: { type: "boolean", description: "Exit 1 unless the bundle is fully set up" },
    format: {
      type: "enum",
      options: ["table", "tree"],
      default: "table",
      description: "table: one row per step; tree: the mounts setup made, as findmnt draws them",
    },
    json: jsonArg,
  },
  async run({ args }) {
    const out = output();
    const bundleDir = resolve(args.bundle ?? ".");
    const stateDir = args["state-dir"];
    const report = await withStateDir("status", stateDir, () =>
      status(bundleDir, stateDir ? { stateDir } : {}),
    );
    if (args.json) out.json(jsonDocument(report));
    else {
      const format = args.format === "tree" ? "tree" : "table";
      const width = terminalWidth(out.stdoutTty);
      out.out(formatStatusView(report, format, out.color, width).join("\n"));
    }
    if (args.check && report.state !== "set-up") throw new ReportedFailure(1);
  },
});
