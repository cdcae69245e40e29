import { resolve } from "node:path";
import { teardown } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { bundleArg, jsonArg, stateDirArg } from "../commonArgs.ts";
import { jsonDocument } from "../jsonVersion.ts";
import { output } from "../Output.ts";
import { oneLine } from "../oneLine.ts";
import { withStateDir } from "../stateDirError.ts";

/** Example invocations for `ocimount teardown --help`. */
export const examples = [
  "ocimount teardown --bundle ./bundle",
  "ocimount teardown --state-dir /tmp/ocimount --json",
  "ocimount teardown --forget   # discard a stale journal, touching nothing",
];

/**
 * `ocimount teardown [--bundle DIR] [--state-dir DIR] [--json]`: unmounts exactly what setup
 * mounted, from its journal, in reverse, and removes the mountpoints it created. Every step is
 * tried; all failures are reported (the first on the error line, the rest counted). Tearing
 * down a bundle that is not set up succeeds and does nothing. Only mounts proven to be setup's
 * are touched: a mount someone else made is left and named (`mount 129 at /x was not made by
 * setup`), a journal whose mounts are all gone is stale (exit 1, nothing touched), and
 * `--forget` discards a journal without touching any mount or path.
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
    json: jsonArg,
  },
  async run({ args }) {
    const out = output();
    const bundleDir = resolve(args.bundle ?? ".");
    const stateDir = args["state-dir"];
    const result = await withStateDir("teardown", stateDir, () =>
      teardown(bundleDir, {
        ...(stateDir ? { stateDir } : {}),
        ...(args.forget ? { forget: true } : {}),
      }),
    );
    if (args.json) out.json(jsonDocument(result));
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
