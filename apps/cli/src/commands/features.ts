import { probeKernelFeatures } from "@ocimount/mounter";
import { defineCommand } from "citty";
import { featuresDocument } from "../featuresDocument.ts";
import { output } from "../Output.ts";

/** Example invocations for `ocimount features --help`. */
export const examples = [
  "ocimount features",
  "ocimount features | jq '.mountOptions | length'",
  "ocimount features | ocimount validate --kind features -",
];

/**
 * `ocimount features`: the runtime-spec features document (always JSON, as `runc features`
 * prints it): spec versions, hooks, mount options, namespaces, and whether idmapped mounts
 * are available on this kernel (probed, changing nothing).
 */
export default defineCommand({
  meta: { name: "features", description: "Print the runtime-spec features document" },
  args: {},
  run() {
    const idmap = probeKernelFeatures().find((f) => f.name === "idmap")?.available === true;
    output().json(featuresDocument(idmap));
  },
});
