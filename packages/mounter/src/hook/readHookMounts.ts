import { readJsonDocument } from "@ocimount/oci-spec";
import { type HookMounts, parseHookMounts } from "./parseHookMounts.ts";
import { parseJson } from "./parseHookState.ts";

/** The bundle annotation holding the hook's mounts document as a JSON string. */
export const HOOK_MOUNTS_ANNOTATION = "org.ocimount.mounts";

/** Where the hook's mounts come from. */
export interface HookMountsSource {
  /** A JSON file (`--mounts FILE`); wins over the annotation. */
  file?: string;
  /** The bundle config's annotations, searched for `org.ocimount.mounts`. */
  annotations?: Readonly<Record<string, string>>;
}

/**
 * Reads the hook's mounts document from `file`, else from the `org.ocimount.mounts`
 * annotation, and validates it (see `parseHookMounts`). Returns undefined when neither is
 * there (nothing to do). Throws `BundleError` for an unreadable or non-JSON file (with its
 * code, path, line and column), `HookError` (`EJSON`, `EINVALID`) for a bad annotation or an
 * invalid document. Reads the file in the caller's mount namespace.
 */
export async function readHookMounts(from: HookMountsSource): Promise<HookMounts | undefined> {
  if (from.file !== undefined) {
    return parseHookMounts(await readJsonDocument(from.file), from.file);
  }
  const text = from.annotations?.[HOOK_MOUNTS_ANNOTATION];
  if (text === undefined) return undefined;
  const name = `annotation ${HOOK_MOUNTS_ANNOTATION}`;
  return parseHookMounts(parseJson(text, name, "read mounts"), name);
}
