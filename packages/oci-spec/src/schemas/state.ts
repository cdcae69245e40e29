import * as v from "valibot";
import { MapStringString } from "./common.ts";
import { integerRange } from "./integers.ts";
import { jsonObject } from "./jsonObject.ts";

/** state-schema.json: the container state a runtime reports. */
export const StateSchema = jsonObject({
  ociVersion: v.string(),
  id: v.string(),
  status: v.picklist(["creating", "created", "running", "stopped"]),
  pid: v.optional(integerRange(0, Number.POSITIVE_INFINITY)),
  bundle: v.string(),
  annotations: v.optional(MapStringString),
});

/** A validated container state document. */
export type State = v.InferOutput<typeof StateSchema>;
