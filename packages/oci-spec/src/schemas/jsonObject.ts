import * as v from "valibot";

/** True for a JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A schema accepting any JSON object, typed as `T` (the caller checks the contents). */
export function jsonObjectGuard<T = Record<string, unknown>>() {
  return v.custom<T>(
    isJsonObject,
    (issue) => `Invalid type: Expected Object but received ${issue.received}`,
  );
}

/**
 * An open JSON object (`"type": "object"` with `properties`): unknown fields are allowed and kept,
 * as config.md requires; arrays are refused (valibot's object schemas alone would accept them).
 */
export function jsonObject<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(jsonObjectGuard(), v.looseObject(entries));
}
