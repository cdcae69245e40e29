import { planSetup, planToJson, setup } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { bundleArg, jsonArg, stateDirArg } from "../commonArgs.ts";
import { formatPlanTable } from "../formatPlanTable.ts";
import { output } from "../Output.ts";
import { oneLine } from "../oneLine.ts";
import { preflight } from "../preflight.ts";
import { printWarnings } from "../printWarnings.ts";

/** Example invocations for `ocimount setup --help`. */
export const examples = [
  "ocimount setup --bundle ./bundle",
  "ocimount setup --bundle ./bundle --dry-run",
  "unshare -m --propagation private -- ocimount setup --json --state-dir /tmp/ocimount",
];

/** Setups with at least this many steps show a progress line on a terminal. */
const PROGRESS_FROM = 1000;

/**
 * `ocimount setup [--bundle DIR] [--state-dir DIR] [--json] [--dry-run]`: validates the whole
 * bundle first (nothing is mounted if anything is wrong), then performs its mounts inside the
 * rootfs and journals them for `teardown`. On failure the mounter rolls back what it did.
 * `--dry-run` prints the plan instead, like `ocimount plan`.
 */
export default defineCommand({
  meta: { name: "setup", description: "Mount the bundle's mounts inside its rootfs" },
  args: {
    bundle: bundleArg,
    "state-dir": stateDirArg,
    json: jsonArg,
    "dry-run": { type: "boolean", description: "Print the plan and mount nothing" },
  },
  async run({ args }) {
    const out = output();
    out.progress("ocimount: setup: checking the bundle...");
    const bundle = await preflight(args.bundle ?? ".");
    printWarnings(out, "setup", bundle.configPath, bundle.warnings);
    const plan = planSetup(bundle.config, bundle.bundleDir);
    if (args["dry-run"]) {
      const json = planToJson(plan);
      if (args.json) out.json(json);
      else out.out(formatPlanTable(json, out.color).join("\n"));
      return;
    }
    const total = plan.steps.length;
    if (total >= PROGRESS_FROM) out.progress(`ocimount: setup: applying ${total} steps...`);
    const stateDir = args["state-dir"];
    const result = await setup(plan, stateDir ? { stateDir } : {});
    // The planner's own warnings repeat the config warnings printed above; show only new ones.
    const planned = new Set(plan.warnings);
    for (const w of result.warnings.filter((x) => !planned.has(x))) {
      out.err(`ocimount: setup: warning: ${oneLine(w)}`);
    }
    if (args.json) out.json({ ...result, plan: planToJson(result.plan) });
    else {
      out.out(
        `set up ${result.mounts.length} mounts in ${oneLine(plan.rootfs)} (journal ${oneLine(result.journalPath)})`,
      );
    }
  },
});
