import { stat } from "node:fs/promises";
import type { ErrorCode } from "@ocimount/mount-flags/errors";
import { resolveInRoot } from "@ocimount/symlink-resolver";
import { defineCommand } from "citty";
import { CliError } from "../CliError.ts";
import { jsonArg } from "../commonArgs.ts";
import { describeError } from "../errors.ts";
import { jsonDocument } from "../jsonVersion.ts";
import { output } from "../Output.ts";
import { ReportedFailure } from "../ReportedFailure.ts";
import { UsageError } from "../UsageError.ts";

/** Example invocations for `ocimount resolve --help`. */
export const examples = [
  "ocimount resolve --root ./bundle/rootfs /etc/motd ../../etc/passwd",
  "ocimount resolve --root ./bundle/rootfs --json -- /proc/self/root",
];

/** Fails unless `root` is a directory we can look into. */
async function checkRoot(root: string): Promise<void> {
  const info = await stat(root).catch((error: { code?: ErrorCode }) => {
    throw new CliError({ code: error.code ?? "EIO", what: "cannot use root", where: root });
  });
  if (!info.isDirectory()) {
    throw new CliError({ code: "ENOTDIR", what: "root is not a directory", where: root });
  }
}

/**
 * `ocimount resolve --root DIR [--json] [--] PATH...`: each PATH resolved inside DIR as the
 * kernel would under chroot (symlinks and `..` never leave it; missing components appended).
 * Plain output is one host path per line, all or nothing: if any PATH fails, only the error
 * is printed. `--json` prints an object per PATH, with `resolved` or `error`. The answer is only
 * as good as the tree staying still (see @ocimount/symlink-resolver).
 */
export default defineCommand({
  meta: { name: "resolve", description: "Resolve paths inside a root" },
  args: {
    root: { type: "string", required: true, valueHint: "DIR", description: "The root directory" },
    json: jsonArg,
    path: { type: "positional", required: false, description: "Paths inside the root" },
  },
  async run({ args }) {
    const paths = args._;
    if (paths.length === 0) throw new UsageError("missing PATH");
    await checkRoot(args.root);
    const results = [];
    for (const path of paths) {
      try {
        results.push({ path, resolved: await resolveInRoot(args.root, path) });
      } catch (error) {
        results.push({ path, failure: error });
      }
    }
    const out = output();
    if (args.json) {
      out.json(
        jsonDocument({
          results: results.map((r) =>
            "resolved" in r
              ? r
              : { path: r.path, error: describeError(r.failure, "resolve").json.error },
          ),
        }),
      );
      for (const r of results)
        if ("failure" in r) out.err(describeError(r.failure, "resolve").line);
      if (results.some((r) => "failure" in r)) throw new ReportedFailure();
      return;
    }
    const failed = results.find((r) => "failure" in r);
    if (failed && "failure" in failed) throw failed.failure;
    out.out(results.map((r) => ("resolved" in r ? r.resolved : "")).join("\n"));
  },
});
