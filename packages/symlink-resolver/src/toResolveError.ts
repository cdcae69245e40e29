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
 * is the errno name when it is one of the known codes, else `EIO` (the name stays in `errno`).
 */
export function toResolveError(
  error: unknown,
  root: string,
  path: string,
  component: string,
): ResolveError {
  if (error instanceof ResolveError) return error;
  const errno = errnoName(error);
  const code = (KNOWN_CODES.has(errno) ? errno : "EIO") as ResolveErrorCode;
  return new ResolveError({ code, root, path, component, errno, cause: error });
}

function errnoName(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
  }
  return "EIO";
}
