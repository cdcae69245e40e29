import { parseMountOptions } from "@ocimount/mount-flags";
import { defineCommand } from "citty";
import { jsonArg } from "../commonArgs.ts";
import { flagsReport } from "../flagsReport.ts";
import { formatFlagsReport } from "../formatFlagsReport.ts";
import { jsonDocument } from "../jsonVersion.ts";
import { output } from "../Output.ts";
import { UsageError } from "../UsageError.ts";

/** Example invocations for `ocimount flags --help`. */
export const examples = [
  "ocimount flags ro nosuid nodev rprivate",
  "ocimount flags --json rbind,rro,mode=755",
];

/**
 * `ocimount flags [--json] [--] OPTION...`: how runtime-spec mount options parse (mount(8)
 * semantics, last wins): MS_* flags set and cleared, bind, propagation, recursive attributes,
 * filesystem data and unknown options. Options may be comma-joined. Loads only mount-flags.
 */
export default defineCommand({
  meta: { name: "flags", description: "Show how mount options parse into flags" },
  args: {
    json: jsonArg,
    option: {
      type: "positional",
      required: false,
      description: "Mount options, separate or comma-joined (ro nosuid or ro,nosuid)",
    },
  },
  run({ args }) {
    const options = args._.flatMap((a) => a.split(",")).filter((o) => o !== "");
    if (options.length === 0) throw new UsageError("missing OPTION (e.g. ro,nosuid)");
    const report = flagsReport(options, parseMountOptions(options));
    const out = output();
    if (args.json) out.json(jsonDocument(report));
    else out.out(formatFlagsReport(report).join("\n"));
  },
});
