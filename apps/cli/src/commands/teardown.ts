import { resolve } from "node:path";
import { teardown } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { bundleArg, jsonArg, stateDirArg } from "../commonArgs.ts";
import { output } from "../Output.ts";
import { oneLine } from "../oneLine.ts";

/** Example invocations for `ocimount teardown --help`. */
export const examples = [
  "ocimount teardown --bundle ./bundle",
  "ocimount teardown --state-dir /tmp/ocimount --json",
];

/**
 * `ocimount teardown [--bundle DIR] [--state-dir DIR] [--json]`: unmounts exactly what setup
 * mounted, from its journal, in reverse, and removes the mountpoints it created. Every step is
 * tried; all failures are reported (the first on the error line, the rest counted). Tearing
 * down a bundle that is not set up succeeds and does nothing.
 */
export default defineCommand({
  meta: { name: "teardown", description: "Unmount what setup mounted, in reverse" },
  args: { bundle: bundleArg, "state-dir": stateDirArg, json: jsonArg },
  async run({ args }) {
    const out = output();
    const bundleDir = resolve(args.bundle ?? ".");
    const stateDir = args["state-dir"];
    const result = await teardown(bundleDir, stateDir ? { stateDir } : {});
    if (args.json) out.json(result);
    else if (result.alreadyTornDown) out.out(`${oneLine(bundleDir)}: not set up, nothing to do`);
    else {
      out.out(
        `torn down ${oneLine(bundleDir)}: ${result.unmounted} mounts unmounted, ${result.removed.length} mountpoints removed`,
      );
    }
  },
});
