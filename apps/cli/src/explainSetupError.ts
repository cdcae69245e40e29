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
 * named by its `type` (the error itself names only source and target). Undefined when there
 * is nothing to add: the error is then reported as it is.
 */
export function explainSetupError(error: unknown, config: Spec): CliError | undefined {
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
