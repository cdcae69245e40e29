import { SyscallError } from "./SyscallError.ts";

const EINVAL = 22;
const encoder = new TextEncoder();

/**
 * `value` as a NUL-terminated UTF-8 buffer for a `const char *` argument. The caller passes
 * the buffer itself (not a raw pointer) to the call, so it stays alive until the call returns.
 * A string with an embedded NUL would be silently cut by C: it throws EINVAL instead.
 */
export function cString(op: string, value: string): Uint8Array {
  if (value.includes("\0"))
    throw new SyscallError(op, EINVAL, { path: value.replaceAll("\0", "\\0") });
  const bytes = new Uint8Array(value.length * 3 + 1);
  const { written } = encoder.encodeInto(value, bytes);
  return bytes.subarray(0, written + 1);
}

/** Like `cString`, but `null` stays a NULL pointer. */
export function cStringOrNull(op: string, value: string | null): Uint8Array | null {
  return value === null ? null : cString(op, value);
}
