import { errnoName, errnoNumber, type OcimountError } from "@ocimount/mount-flags/errors";
import type { Spec } from "@ocimount/oci-spec";
import { CliError } from "./CliError.ts";

/**
 * A clearer error for a setup failure whose cause is in the config rather than in the system
 * call the kernel refused, read from the error's fields (`op`, `errnoName`, `mountIndex`) and
 * the config: ENODEV from `fsopen` or `mount` for a new filesystem is an unknown filesystem
 * type, named by its `type` (the error itself names only source and target); a file operation
 * that failed inside a step is named by its call and path instead of `setup failed`. Undefined
 * when there is nothing to add: the error is then reported as it is.
 */
export function explainSetupError(error: OcimountError, config: Spec): CliError | undefined {
  return unknownFsType(error, config) ?? fileOperation(error);
}

/**
 * A step that failed in a node:fs call is `setup failed` to the mounter; the call and its
 * path (node's own error fields) say what failed: `open failed (mounts[2] /some/file)`.
 */
function fileOperation(error: OcimountError): CliError | undefined {
  const cause = error.cause as { syscall?: unknown; path?: unknown; code?: unknown } | undefined;
  if (error.op !== "setup" || typeof cause?.syscall !== "string") return undefined;
  const errno = typeof cause.code === "string" ? errnoNumber(cause.code) : undefined;
  if (errno === undefined) return undefined;
  const where = [error.where, cause.path].filter((x) => typeof x === "string").join(" ");
  return new CliError(
    { code: errnoName(errno), what: `${cause.syscall} failed`, ...(where ? { where } : {}) },
    { cause: error },
  );
}

function unknownFsType(error: OcimountError, config: Spec): CliError | undefined {
  const i = error.mountIndex;
  const mount = i === undefined ? undefined : config.mounts?.[i];
  if (mount === undefined || error.errnoName !== "ENODEV") return undefined;
  if (error.op !== "fsopen" && error.op !== "mount") return undefined;
  if (mount.type === undefined || mount.type === "bind") return undefined;
  return new CliError(
    {
      code: "ENODEV",
      what: `unknown filesystem type '${mount.type}'`,
      where: `mounts[${i}].type${error.target === undefined ? "" : ` ${error.target}`}`,
      text: "this kernel has no such filesystem",
    },
    { cause: error },
  );
}
