import { resolve } from "node:path";
import { status } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { bundleArg, jsonArg, stateDirArg } from "../commonArgs.ts";
import { formatStatus } from "../formatStatus.ts";
import { output } from "../Output.ts";

/** Example invocations for `ocimount status --help`. */
export const examples = [
  "ocimount status --bundle ./bundle",
  "ocimount status --json | jq '.steps[].state'",
];

/**
 * `ocimount status [--bundle DIR] [--state-dir DIR] [--json]`: each step setup planned (every
 * spec mount among them) as mounted, missing, changed or skipped, from its journal against the
 * live mount table of this mount namespace. Exits 0 whenever it could report (a bundle not set
 * up, or drifted, is reported, not failed); 1 if the journal is unreadable.
 */
export default defineCommand({
  meta: { name: "status", description: "Show each spec mount as mounted, missing or changed" },
  args: { bundle: bundleArg, "state-dir": stateDirArg, json: jsonArg },
  async run({ args }) {
    const out = output();
    const bundleDir = resolve(args.bundle ?? ".");
    const stateDir = args["state-dir"];
    const report = await status(bundleDir, stateDir ? { stateDir } : {});
    if (args.json) out.json(report);
    else out.out(formatStatus(report, out.color).join("\n"));
  },
});
