import { defineCommand } from "citty";
import { jsonArg } from "../commonArgs.ts";
import { describeError } from "../errors.ts";
import { formatValidation } from "../formatValidation.ts";
import { jsonDocument } from "../jsonVersion.ts";
import { output } from "../Output.ts";
import { ReportedFailure } from "../ReportedFailure.ts";
import { readStdin } from "../readStdin.ts";
import { UsageError } from "../UsageError.ts";
import { type DocumentKind, validateDocument } from "../validateDocument.ts";

/** Example invocations for `ocimount validate --help`. */
export const examples = [
  "ocimount validate ./bundle",
  "ocimount validate --json ./bundle other/config.json",
  "runc state ctr | ocimount validate --kind state -",
  "ocimount validate --kind mounts hook-mounts.json   # the document ocimount hook reads",
];

/**
 * `ocimount validate [--kind config|state|features|mounts] [--json] [--] PATH...`: checks each
 * document against the runtime-spec schema (`mounts`: the hook's mounts document, as
 * `ocimount hook` checks it) and reports every issue. Exit 1 if any PATH is
 * invalid or unreadable. With `--json`, one array, an object per PATH in order.
 */
export default defineCommand({
  meta: { name: "validate", description: "Check documents against the runtime-spec" },
  args: {
    kind: {
      type: "enum",
      options: ["config", "state", "features", "mounts"],
      default: "config",
      description: "What the documents are",
    },
    json: jsonArg,
    path: {
      type: "positional",
      required: false,
      description: "Bundle directories, JSON files, or - for stdin",
    },
  },
  async run({ args }) {
    const paths = args._;
    if (paths.length === 0) throw new UsageError("missing PATH (a bundle directory, a file or -)");
    if (paths.filter((p) => p === "-").length > 1) throw new UsageError("stdin (-) given twice");
    const kind = (args.kind ?? "config") as DocumentKind;
    const stdin = () => readStdin();
    const out = output();
    const results = [];
    for (const path of paths) results.push(await validateDocument(path, kind, stdin));
    for (const r of results) {
      if (r.error === undefined) {
        if (!args.json) out.out(formatValidation(r).join("\n"));
        continue;
      }
      const described = describeError(r.error, "validate");
      out.err(described.line);
      if (described.hint) out.err(described.hint);
    }
    if (args.json) {
      out.json(
        jsonDocument({
          results: results.map(({ error, ...r }) =>
            error === undefined ? r : { ...r, error: describeError(error, "validate").json.error },
          ),
        }),
      );
    }
    if (results.some((r) => !r.valid)) throw new ReportedFailure();
  },
});
