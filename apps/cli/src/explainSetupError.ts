import { errnoName, errnoNumber } from "@ocimount/mount-flags/errors";
import type { Spec } from "@ocimount/oci-spec";
import { CliError } from "./CliError.ts";

/** `mounts[3]` -> 3. */
function mountIndex(where: unknown): number | undefined {
  const m = typeof where === "string" ? /^mounts\[(\d+)\]$/.exec(where) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * A clearer error for a setup failure whose cause is in the config rather than in the system
 * call the kernel refused, read from the error's fields (`op`, `errnoName`, `where`) and the
 * config: ENODEV from `fsopen` or `mount` for a new filesystem is an unknown filesystem type,
 * named by its `type` (the error itself names only source and target); a file operation that
 * failed inside a step is named by its call and path instead of `setup failed`. Undefined when
 * there is nothing to add: the error is then reported as it is.
 */
export function explainSetupError(error: unknown, config: Spec): CliError | undefined {
  return unknownFsType(error, config) ?? fileOperation(error);
}

/**
 * A step that failed in a node:fs call (writing an idmap's uid_map, say) is `setup failed` to
 * the mounter; the call and its path say what failed: `open failed (mounts[2] /proc/1/uid_map)`.
 */
function fileOperation(error: unknown): CliError | undefined {
  const e = error as { op?: unknown; where?: unknown; cause?: unknown };
  const cause = e?.cause as { syscall?: unknown; path?: unknown; code?: unknown } | undefined;
  if (e?.op !== "setup" || typeof cause?.syscall !== "string") return undefined;
  const errno = typeof cause.code === "string" ? errnoNumber(cause.code) : undefined;
  if (errno === undefined) return undefined;
  const where = [e.where, cause.path].filter((x) => typeof x === "string").join(" ");
  return new CliError(
    { code: errnoName(errno), what: `${cause.syscall} failed`, ...(where ? { where } : {}) },
    { cause: error },
  );
}

function unknownFsType(error: unknown, config: Spec): CliError | undefined {
  const e = error as { op?: unknown; errnoName?: unknown; where?: unknown; target?: unknown };
  const i = mountIndex(e?.where);
  const mount = i === undefined ? undefined : config.mounts?.[i];
  if (mount === undefined || e.errnoName !== "ENODEV") return undefined;
  if (e.op !== "fsopen" && e.op !== "mount") return undefined;
  if (mount.type === undefined || mount.type === "bind") return undefined;
  return new CliError(
    {
      code: "ENODEV",
      what: `unknown filesystem type '${mount.type}'`,
      where: `mounts[${i}].type${typeof e.target === "string" ? ` ${e.target}` : ""}`,
      text: "this kernel has no such filesystem",
    },
    { cause: error },
  );
}
