import { errnoNumber } from "@ocimount/mount-flags/errors";
import { ResolveError, type ResolveErrorCode } from "./ResolveError.ts";

const KNOWN_CODES: ReadonlySet<string> = new Set([
  "ELOOP",
  "ENOENT",
  "ENOTDIR",
  "EACCES",
  "EINVAL",
  "ENAMETOOLONG",
]);

/**
 * Wraps an error thrown by a `node:fs` call on `component` into a {@link ResolveError}. The code
 * is the errno name when it is one of the known codes, else `EIO` (the errno stays in `errno`
 * and `errnoName`).
 */
export function toResolveError(
  error: unknown,
  root: string,
  path: string,
  component: string,
): ResolveError {
  if (error instanceof ResolveError) return error;
  const name = nodeCode(error);
  const code = (KNOWN_CODES.has(name) ? name : "EIO") as ResolveErrorCode;
  const errno = errnoNumber(name) ?? nodeErrno(error) ?? name;
  return new ResolveError({ code, root, path, component, errno, cause: error });
}

function nodeCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code !== "" ? code : "EIO";
}

/** Node's `errno` is libuv's negated value (`-13`); the contract keeps it positive. */
function nodeErrno(error: unknown): number | undefined {
  const errno = (error as { errno?: unknown } | null)?.errno;
  return typeof errno === "number" && errno !== 0 ? Math.abs(errno) : undefined;
}
