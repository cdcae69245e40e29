import { planToJson } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { bundleArg, jsonArg, strictArg } from "../commonArgs.ts";
import { formatPlanTable } from "../formatPlanTable.ts";
import { planDocument } from "../jsonDocument.ts";
import { output } from "../Output.ts";
import { preflight } from "../preflight.ts";
import { printWarnings } from "../printWarnings.ts";
import { terminalWidth } from "../terminalWidth.ts";

/** Example invocations for `ocimount plan --help`. */
export const examples = [
  "ocimount plan --bundle ./bundle",
  "ocimount plan --json | jq '.steps | length'",
];

/**
 * `ocimount plan [--bundle DIR] [--json] [--strict]`: validates the bundle and prints the ordered steps
 * setup would take (what, where, why). Mounts nothing, needs no privileges.
 */
export default defineCommand({
  meta: { name: "plan", description: "Show the ordered mount steps; mounts nothing" },
  args: { bundle: bundleArg, json: jsonArg, strict: strictArg },
  async run({ args }) {
    const out = output();
    const bundle = await preflight(args.bundle ?? ".", { strict: args.strict === true });
    printWarnings(out, "plan", bundle.configPath, bundle.warnings);
    const json = planToJson(bundle.plan);
    if (args.json) out.json(planDocument(json, bundle.warnings));
    else out.out(formatPlanTable(json, out.color, terminalWidth(out.stdoutTty)).join("\n"));
  },
});
