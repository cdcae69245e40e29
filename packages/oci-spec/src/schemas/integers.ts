import * as v from "valibot";

/**
 * A JSON integer within [min, max]. Uses `Number.isInteger`, never a "safe integer" check: 64-bit
 * fields legitimately hold values above 2^53 (they arrive rounded from JSON.parse, as in every
 * JavaScript JSON Schema validator). Non-finite numbers (an overflowing literal such as `1e400`)
 * are refused.
 */
export function integerRange(min: number, max: number) {
  return v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
}

/** Any JSON integer (the schema's `"type": "integer"` without bounds). */
export const Integer = v.pipe(v.number(), v.integer());

// The bounds are the doubles nearest to the JSON Schema's decimal bounds in defs.json: the int64
// and uint64 limits are not representable, so they round to +-2^63 and 2^64 exactly as a JSON
// Schema validator running in JavaScript compares them.

/** defs.json `int8`. */
export const Int8 = integerRange(-128, 127);
/** defs.json `int16`. */
export const Int16 = integerRange(-32768, 32767);
/** defs.json `int32`. */
export const Int32 = integerRange(-2147483648, 2147483647);
/** defs.json `int64` (bounds rounded to +-2^63, see above). */
export const Int64 = integerRange(-(2 ** 63), 2 ** 63);
/** defs.json `uint8`. */
export const Uint8 = integerRange(0, 255);
/** defs.json `uint16`. */
export const Uint16 = integerRange(0, 65535);
/** defs.json `uint32`, also `UID`, `GID`, `Umask`. */
export const Uint32 = integerRange(0, 4294967295);
/** defs.json `uint64` (upper bound rounded to 2^64, see above). */
export const Uint64 = integerRange(0, 2 ** 64);
/** defs.json `percent`. */
export const Percent = integerRange(0, 100);
/** defs.json `FileMode`: permission bits in decimal, 0..0o777. */
export const FileMode = integerRange(0, 511);
