import { errnoNumber } from "@ocimount/mount-flags/errors";
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
  const node = cause as { code?: unknown; errno?: unknown } | null;
  const name = typeof node?.code === "string" ? node.code : "EIO";
  const code = BY_ERRNO[name] ?? "EIO";
  const detail = cause instanceof Error ? cause.message : String(cause);
  // libuv negates errno (-13); the contract's errno is the kernel's positive number.
  const errno =
    errnoNumber(name) ?? (typeof node?.errno === "number" ? Math.abs(node.errno) : undefined);
  return new BundleError(code, path, detail, { errno, cause });
}
