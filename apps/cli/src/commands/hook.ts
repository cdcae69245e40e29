import { isAbsolute } from "node:path";
import { runHook } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { bundleRefusal } from "../bundleRefusal.ts";
import { jsonArg, strictArg } from "../commonArgs.ts";
import { jsonDocument } from "../jsonVersion.ts";
import { output } from "../Output.ts";
import { oneLine } from "../oneLine.ts";
import { printWarnings } from "../printWarnings.ts";
import { readStdin } from "../readStdin.ts";
import { UsageError } from "../UsageError.ts";

/** Example invocations for `ocimount hook --help`. */
export const examples = [
  "ocimount hook --mounts /etc/ocimount/extra-mounts.json   # as a createRuntime hook",
  "ocimount hook   # mounts from the bundle annotation org.ocimount.mounts",
];

/**
 * `ocimount hook [--mounts FILE] [--json]`: the OCI hook. Reads the container state from stdin
 * (as runc, crun, youki and podman write it), enters the container's mount namespace and adds
 * the mounts of FILE (a JSON array of runtime-spec mounts) or of the bundle annotation
 * `org.ocimount.mounts` inside its root. Any failure is one line on stderr and exit 1, which
 * makes the runtime abort the start; nothing stays half-mounted. It works from `/` (the entry
 * point changes there first): runc starts a createContainer hook in the container's rootfs, so a
 * relative `--mounts` would name a file of the image and is refused.
 */
export default defineCommand({
  meta: { name: "hook", description: "Add mounts to a starting container, as an OCI hook" },
  args: {
    mounts: {
      type: "string",
      description: "JSON array of runtime-spec mounts (default: annotation org.ocimount.mounts)",
      valueHint: "FILE",
    },
    json: jsonArg,
    strict: strictArg,
  },
  async run({ args }) {
    const out = output();
    if (process.stdin.isTTY) {
      throw new UsageError("the container state is read from stdin; run me as an OCI hook");
    }
    if (args.mounts !== undefined && !isAbsolute(args.mounts)) {
      throw new UsageError(
        `--mounts must be an absolute path, not ${oneLine(args.mounts)}: a runtime may start the hook in the container's rootfs`,
      );
    }
    process.chdir("/");
    const stateText = await readStdin();
    const result = await runHook({
      stateText,
      ...(args.mounts === undefined ? {} : { mountsFile: args.mounts }),
      strict: args.strict === true,
    }).catch((error: unknown) => {
      throw bundleRefusal(error);
    });
    printWarnings(out, "hook", undefined, result.warnings);
    if (args.json) out.json(jsonDocument({ ...result }));
    else {
      const n = result.mounts.length;
      out.out(
        `${oneLine(result.containerId)}: ${n} mount${n === 1 ? "" : "s"} in ${oneLine(result.rootfs)}`,
      );
    }
  },
});
