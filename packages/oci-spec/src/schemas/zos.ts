import * as v from "valibot";
import { FilePath } from "./common.ts";
import { jsonObject } from "./jsonObject.ts";

const Namespace = jsonObject({
  type: v.picklist(["mount", "pid", "uts", "ipc"]),
  path: v.optional(FilePath),
});

/** config-zos.json `zos`. */
export const ZOSSchema = jsonObject({ namespaces: v.optional(v.array(Namespace)) });

/** The `zos` section of config.json. */
export type ZOS = v.InferOutput<typeof ZOSSchema>;
