import { isOcimountError } from "@ocimount/mount-flags/errors";
import {
  DEFAULT_STATE_DIR,
  type MountError,
  planToJson,
  type SetupOptions,
  type SetupResult,
  setup,
} from "@ocimount/mounter";
import { defineCommand } from "citty";
import { CliError } from "../CliError.ts";
import { bundleArg, jsonArg, stateDirArg, strictArg } from "../commonArgs.ts";
import { explainSetupError } from "../explainSetupError.ts";
import { formatPlanTable } from "../formatPlanTable.ts";
import { journalWriteError } from "../journalWriteError.ts";
import { planDocument } from "../jsonDocument.ts";
import { jsonDocument } from "../jsonVersion.ts";
import { canMount, userNamespaceHint } from "../mountPrivilege.ts";
import { type Output, output } from "../Output.ts";
import { oneLine } from "../oneLine.ts";
import { preflight } from "../preflight.ts";
import { printWarnings } from "../printWarnings.ts";
import { reportInterrupted } from "../reportInterrupted.ts";
import { stopOnSignals } from "../stopOnSignals.ts";
import { terminalWidth } from "../terminalWidth.ts";

/** Example invocations for `ocimount setup --help`. */
export const examples = [
  "ocimount setup --bundle ./bundle",
  "ocimount setup --bundle ./bundle --dry-run",
  "unshare -m --propagation private -- ocimount setup --json --state-dir /tmp/ocimount",
];

/** Setups with at least this many steps show a progress line on a terminal. */
const PROGRESS_FROM = 1000;
/** The progress line is rewritten at most this often (ms). */
const PROGRESS_EVERY_MS = 100;

/**
 * An `onStep` callback that rewrites the progress line (`ocimount: setup: applying 1501
 * steps... 600/1501`) at most every 100 ms, so thousands of fast mounts cost a few writes, not
 * one per mount. `out.progress` only writes on a terminal; the next line printed clears it.
 */
export function progressLine(
  out: Pick<Output, "progress">,
  total: number,
  now: () => number = () => performance.now(),
): (done: number) => void {
  let last = now();
  return (done) => {
    const t = now();
    if (t - last < PROGRESS_EVERY_MS) return;
    last = t;
    out.progress(`ocimount: setup: applying ${total} steps... ${done}/${total}`);
  };
}

/**
 * `ocimount setup [--bundle DIR] [--state-dir DIR] [--json] [--dry-run] [--strict]`: validates the whole
 * bundle first (nothing is mounted if anything is wrong), then performs its mounts inside the
 * rootfs and journals them for `teardown`. On failure the mounter rolls back what it did; so it
 * does on SIGINT, SIGTERM or SIGHUP, after which setup exits 130, 143 or 129.
 * `--dry-run` prints the plan instead, like `ocimount plan`.
 */
export default defineCommand({
  meta: { name: "setup", description: "Mount the bundle's mounts inside its rootfs" },
  args: {
    bundle: bundleArg,
    "state-dir": stateDirArg,
    json: jsonArg,
    "dry-run": { type: "boolean", description: "Print the plan and mount nothing" },
    strict: strictArg,
  },
  async run({ args }) {
    const out = output();
    out.progress("ocimount: setup: checking the bundle...");
    // Resolved host paths are for people reading a plan; a real setup reaches everything
    // through fds, so it plans without them (a string resolution per mount saved).
    const dryRun = args["dry-run"] === true;
    const bundle = await preflight(args.bundle ?? ".", {
      resolveHostPaths: dryRun,
      strict: args.strict === true,
    });
    printWarnings(out, "setup", bundle.configPath, bundle.warnings);
    const { plan } = bundle;
    if (dryRun) {
      const json = planToJson(plan);
      if (args.json) out.json(planDocument(json, bundle.warnings));
      else out.out(formatPlanTable(json, out.color, terminalWidth(out.stdoutTty)).join("\n"));
      return;
    }
    if (!canMount()) {
      throw new CliError({
        code: "EPERM",
        what: "needs root, or a user namespace",
        where: bundle.bundleDir,
        text: "mounting needs CAP_SYS_ADMIN",
        hint: userNamespaceHint(bundle.bundleDir),
      });
    }
    const total = plan.steps.length;
    const options: SetupOptions = {};
    if (args["state-dir"]) options.stateDir = args["state-dir"];
    if (total >= PROGRESS_FROM && out.stderrTty) {
      out.progress(`ocimount: setup: applying ${total} steps...`);
      options.onStep = progressLine(out, total);
    }
    // SIGINT, SIGTERM and SIGHUP stop setup at its next step; it rolls back, then we report.
    const stop = stopOnSignals();
    options.signal = stop.signal;
    let result: SetupResult;
    try {
      result = await setup(plan, options);
    } catch (error) {
      const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
      const stateDirError = journalWriteError(error, stateDir);
      if (stateDirError) throw stateDirError;
      if (!isOcimountError(error)) throw error;
      if (error.code !== "ECANCELED") throw explainSetupError(error, bundle.config) ?? error;
      await stop.settle();
      throw reportInterrupted(out, args.json === true, plan, error as MountError, stop.received);
    } finally {
      stop.release();
    }
    // `result.warnings` are the plan's, printed above, then those applying added.
    const applied = result.warnings.slice(plan.warnings.length);
    printWarnings(out, "setup", bundle.configPath, applied);
    if (args.json) {
      out.json(
        jsonDocument({
          plan: planDocument(planToJson(result.plan), bundle.warnings),
          mounts: result.mounts,
          warnings: [...bundle.warnings, ...applied],
          journalPath: result.journalPath,
        }),
      );
    } else {
      out.out(
        `set up ${result.mounts.length} mounts in ${oneLine(plan.rootfs)} (journal ${oneLine(result.journalPath)})`,
      );
    }
  },
});
