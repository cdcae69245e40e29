import * as v from "valibot";
import { ArrayOfStrings, FilePath } from "./common.ts";
import { integerRange } from "./integers.ts";
import { jsonObject } from "./jsonObject.ts";

/** defs.json `Hook`. `timeout` is an integer >= 1 (no upper bound in the schema). */
export const HookSchema = jsonObject({
  path: FilePath,
  args: v.optional(ArrayOfStrings),
  env: v.optional(ArrayOfStrings),
  timeout: v.optional(integerRange(1, Number.POSITIVE_INFINITY)),
});

const ArrayOfHooks = v.array(HookSchema);

/** config `hooks`: lifecycle hook lists. */
export const HooksSchema = jsonObject({
  prestart: v.optional(ArrayOfHooks),
  createRuntime: v.optional(ArrayOfHooks),
  createContainer: v.optional(ArrayOfHooks),
  startContainer: v.optional(ArrayOfHooks),
  poststart: v.optional(ArrayOfHooks),
  poststop: v.optional(ArrayOfHooks),
});

/** One lifecycle hook. */
export type Hook = v.InferOutput<typeof HookSchema>;
/** The `hooks` section of config.json. */
export type Hooks = v.InferOutput<typeof HooksSchema>;
