import { ERRNO } from "@ocimount/mount-flags/errors";
import { SyscallError } from "./SyscallError.ts";

const { EINVAL } = ERRNO;
const encoder = new TextEncoder();
/** The empty string, the most common path argument (`AT_EMPTY_PATH` calls): never written to. */
const EMPTY = new Uint8Array(1);
/** One reusable buffer per argument position; grown when a longer string comes. */
const slots: Uint8Array[] = [];

/**
 * `value` as a NUL-terminated UTF-8 buffer for a `const char *` argument. The caller passes
 * the buffer itself (not a raw pointer) to the call, so it stays alive until the call returns.
 * A string with an embedded NUL would be silently cut by C: it throws EINVAL instead.
 *
 * The buffer is reused: `slot` names the argument's position (a call with two strings uses
 * slots 0 and 1), and the next `cString` with the same slot overwrites it. That is safe because
 * every call is synchronous and the kernel copies path strings in before it returns; callers
 * must not keep the buffer past their call.
 */
export function cString(op: string, value: string, slot = 0): Uint8Array {
  if (value === "") return EMPTY;
  if (value.includes("\0"))
    throw new SyscallError(op, EINVAL, { path: value.replaceAll("\0", "\\0") });
  const need = value.length * 3 + 1;
  let buffer = slots[slot];
  if (buffer === undefined || buffer.length < need) {
    buffer = new Uint8Array(Math.max(need, 512));
    slots[slot] = buffer;
  }
  const { written } = encoder.encodeInto(value, buffer);
  buffer[written] = 0;
  return buffer;
}

/** Like `cString`, but `null` stays a NULL pointer. */
export function cStringOrNull(op: string, value: string | null, slot = 0): Uint8Array | null {
  return value === null ? null : cString(op, value, slot);
}
