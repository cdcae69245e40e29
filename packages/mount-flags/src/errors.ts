/**
 * `@ocimount/mount-flags/errors`: the one error contract of every ocimount package (fields,
 * codes, the message format) and the Linux errno table. Pure; runs in Node.
 */

export { ERRNO_TABLE } from "./error/ERRNO_TABLE.ts";
export { type ErrorCode, REASON_CODES, type ReasonCode } from "./error/ErrorCode.ts";
export { ERRNO, type ErrnoName, errnoName, errnoNumber, errnoText } from "./error/errno.ts";
export {
  type ErrorFields,
  type ErrorIssue,
  type ErrorPosition,
  formatErrno,
  formatErrorMessage,
  isOcimountError,
  OCIMOUNT_ERROR,
  OcimountError,
} from "./error/OcimountError.ts";
