import { resolve } from "node:path";
import { teardown } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { bundleArg, jsonArg, stateDirArg } from "../commonArgs.ts";
import { formatTeardownPlan } from "../formatTeardownPlan.ts";
import { jsonDocument } from "../jsonVersion.ts";
import { output } from "../Output.ts";
import { oneLine } from "../oneLine.ts";
import { withStateDir } from "../stateDirError.ts";
import { UsageError } from "../UsageError.ts";

/** Example invocations for `ocimount teardown --help`. */
export const examples = [
  "ocimount teardown --bundle ./bundle",
  "ocimount teardown --state-dir /tmp/ocimount --json",
  "ocimount teardown --forget   # discard a stale journal, touching nothing",
  "ocimount teardown --dry-run  # what it would unmount, leave and remove; nothing is done",
];

/**
 * `ocimount teardown [--bundle DIR] [--state-dir DIR] [--forget | --dry-run] [--json]`:
 * unmounts exactly what setup mounted, from its journal, in reverse, and removes the
 * mountpoints it created. Every step is tried; all failures are reported (the first on the
 * error line, the rest counted). Tearing down a bundle that is not set up succeeds and does
 * nothing. Only mounts proven to be setup's
 * are touched: a mount someone else made is left and named (`mount 129 at /x was not made by
 * setup`), a journal whose mounts are all gone is stale (exit 1, nothing touched), and
 * `--forget` discards a journal without touching any mount or path. `--dry-run` decides it all
 * and does nothing: the mounts it would unmount, the foreign ones it would leave, the
 * mountpoints it would try to remove.
 */
export default defineCommand({
  meta: { name: "teardown", description: "Unmount what setup mounted, in reverse" },
  args: {
    bundle: bundleArg,
    "state-dir": stateDirArg,
    forget: {
      type: "boolean",
      description: "Discard the journal (a stale one) without unmounting or removing anything",
    },
    "dry-run": {
      type: "boolean",
      description: "Print what teardown would unmount, leave and remove; change nothing",
    },
    json: jsonArg,
  },
  async run({ args }) {
    const out = output();
    const bundleDir = resolve(args.bundle ?? ".");
    const stateDir = args["state-dir"];
    if (args.forget && args["dry-run"]) {
      throw new UsageError("--forget and --dry-run cannot be given together");
    }
    const result = await withStateDir("teardown", stateDir, () =>
      teardown(bundleDir, {
        ...(stateDir ? { stateDir } : {}),
        ...(args.forget ? { forget: true } : {}),
        ...(args["dry-run"] ? { dryRun: true } : {}),
      }),
    );
    if (args.json) out.json(jsonDocument(result));
    else if (result.plan) out.out(formatTeardownPlan(bundleDir, result.plan).join("\n"));
    else if (result.alreadyTornDown) out.out(`${oneLine(bundleDir)}: not set up, nothing to do`);
    else if (result.forgotten)
      out.out(`${oneLine(bundleDir)}: journal discarded; no mount or path was touched`);
    else {
      out.out(
        `torn down ${oneLine(bundleDir)}: ${result.unmounted} mounts unmounted, ${result.removed.length} mountpoints removed`,
      );
    }
  },
});
