import { type HookMounts, validateHookMounts } from "@ocimount/oci-spec";
import { HookError } from "./HookError.ts";

export type { HookMounts };

/**
 * A hook's mounts document (already parsed JSON) as the hook performs it, checked by oci-spec's
 * `validateHookMounts` (a JSON array of runtime-spec mounts, or `{ mounts, maskedPaths,
 * readonlyPaths }`; the config schema and `checkForSetup`). Throws `HookError` `EINVALID` with
 * every issue, its JSON pointer into this document (`/2/source`, `/maskedPaths/0`). `name`
 * names the document in errors.
 */
export function parseHookMounts(value: unknown, name: string): HookMounts {
  const result = validateHookMounts(value);
  if (result.success) return result.output;
  const { issues } = result;
  const first = issues[0]?.message ?? "invalid";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new HookError({
    code: "EINVALID",
    op: "read mounts",
    path: name,
    issues,
    detail: `invalid mounts: ${first}${more}`,
  });
}
