import * as v from "valibot";
import { jsonMap } from "./jsonMap.ts";

/** defs.json `ArrayOfStrings`. */
export const ArrayOfStrings = v.array(v.string());

/**
 * defs.json `mapStringString`: `patternProperties` `.{1,}`, so only keys with at least one
 * non-line-terminator character must map to a string (as a `u`-flag RegExp tests it).
 */
export const MapStringString = jsonMap(v.string(), /.{1,}/u);

/** defs.json `FilePath` (any string; the schema does not require an absolute path). */
export const FilePath = v.string();

/** A string matching a JSON Schema `pattern` (ECMAScript syntax, unicode mode, unanchored). */
export function patternString(pattern: RegExp) {
  return v.pipe(v.string(), v.regex(pattern));
}
