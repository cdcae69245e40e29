import { BundleError, type BundleErrorCode } from "./BundleError.ts";

const BY_ERRNO: Readonly<Record<string, BundleErrorCode>> = {
  ENOENT: "ENOENT",
  EACCES: "EACCES",
  EPERM: "EACCES",
  ELOOP: "ELOOP",
  ENOTDIR: "ENOTDIR",
  // open(2) on a unix socket fails with ENXIO; a directory may give EISDIR.
  ENXIO: "ENOTREG",
  EISDIR: "ENOTREG",
};

/** Turns an error thrown by node:fs into a `BundleError` for `path`. */
export function osError(path: string, cause: unknown): BundleError {
  const errno = (cause as { code?: unknown } | null)?.code;
  const name = typeof errno === "string" ? errno : "EIO";
  const code = BY_ERRNO[name] ?? "EIO";
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new BundleError(code, path, detail, { errno: name, cause });
}
