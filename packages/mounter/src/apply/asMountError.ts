import { MountError } from "../errors.ts";
import { SyscallError } from "../sys/SyscallError.ts";

/**
 * Wraps whatever a step threw as a `MountError` naming the config entry (`where`) and the
 * step's paths; a `SyscallError` keeps its op, errno and flags, and becomes the `cause`.
 */
export function asMountError(
  err: unknown,
  where: string,
  paths: { source?: string; target?: string } = {},
): MountError {
  if (err instanceof MountError) return err;
  if (err instanceof SyscallError) {
    return new MountError({
      code: "ESYSCALL",
      op: err.op,
      where,
      source: paths.source ?? err.source,
      target: paths.target ?? err.target ?? err.path,
      flags: err.flags,
      errno: err.errno,
      detail: err.detail,
      cause: err,
    });
  }
  // node:fs errors carry libuv's errno, which on Linux is the negated errno (EPERM is -1).
  const errno =
    typeof (err as { errno?: unknown })?.errno === "number"
      ? Math.abs((err as { errno: number }).errno)
      : undefined;
  return new MountError({
    code: "ESYSCALL",
    op: "setup",
    where,
    ...paths,
    errno,
    detail: err instanceof Error ? err.message : String(err),
    cause: err,
  });
}

/** The errno name of a thrown error (`SyscallError.code`, a ResolveError's code), if any. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" ? code : undefined;
}
