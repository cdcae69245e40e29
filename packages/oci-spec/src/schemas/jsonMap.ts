import * as v from "valibot";
import { jsonObjectGuard } from "./jsonObject.ts";

/**
 * A JSON object whose values all match `value` (`additionalProperties: {...}`), or, with
 * `keyPattern`, only the values whose key matches (`patternProperties`; other keys may hold
 * anything). Unlike valibot's `record`, every own key is checked, `constructor` included.
 */
export function jsonMap<TValue extends v.GenericSchema>(value: TValue, keyPattern?: RegExp) {
  return v.pipe(
    jsonObjectGuard<Record<string, v.InferOutput<TValue>>>(),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const input = dataset.value as Record<string, unknown>;
      for (const key of Object.keys(input)) {
        if (keyPattern && !keyPattern.test(key)) continue;
        const result = v.safeParse(value, input[key]);
        if (result.success) continue;
        const head: v.ObjectPathItem = {
          type: "object",
          origin: "value",
          input,
          key,
          value: input[key],
        };
        for (const issue of result.issues) {
          addIssue({
            input: issue.input,
            expected: issue.expected ?? undefined,
            received: issue.received,
            message: issue.message,
            path: [head, ...(issue.path ?? [])],
          });
        }
      }
    }),
  );
}
