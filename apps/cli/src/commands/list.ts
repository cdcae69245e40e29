import { listJournals } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { jsonArg, stateDirArg } from "../commonArgs.ts";
import { output } from "../Output.ts";
import { oneLine } from "../oneLine.ts";
import { withStateDir } from "../stateDirError.ts";
import { textTable } from "../textTable.ts";

/** Example invocations for `ocimount list --help`. */
export const examples = ["ocimount list", "ocimount list --state-dir /tmp/ocimount --json"];

/**
 * `ocimount list [--state-dir DIR] [--json]`: every journal in the state dir with its bundle
 * (and whether that path is still the same directory), the mount namespace it was set up in,
 * and its state here: set-up, partial, drifted, stale, foreign-namespace, or unreadable (with
 * why). Exits 0 whenever it could list; 1 for a state dir it cannot trust.
 */
export default defineCommand({
  meta: { name: "list", description: "List every journal in the state dir, with its state" },
  args: { "state-dir": stateDirArg, json: jsonArg },
  async run({ args }) {
    const out = output();
    const stateDir = args["state-dir"];
    const journals = await withStateDir("list", stateDir, () =>
      listJournals(stateDir ? { stateDir } : {}),
    );
    if (args.json) {
      out.json({ version: 1, journals });
      return;
    }
    if (!journals.length) {
      out.out("no journals");
      return;
    }
    const rows = journals.map((j) =>
      [
        j.bundleDir ? `${j.bundleDir}${j.bundle === "moved" ? " (moved)" : ""}` : "-",
        j.state,
        j.namespace ?? "-",
        j.mounts === undefined ? "-" : String(j.mounts),
        j.error ?? j.journalPath,
      ].map(oneLine),
    );
    out.out(textTable([["BUNDLE", "STATE", "NAMESPACE", "MOUNTS", "JOURNAL"], ...rows]).join("\n"));
  },
});
