import type { Spec } from "../schemas/spec.ts";
import type { SpecIssue } from "./SpecIssue.ts";
import { validateConfig } from "./validateConfig.ts";

/**
 * The parts of config.json that `ocimount setup`, `plan` and `hook` read, as JSON pointers:
 * the root, the mounts (with their per-mount uidMappings/gidMappings), the masked and read-only
 * paths, the rootfs propagation, and the annotations (where the hook finds its mounts). They read
 * no namespaces and no config-level id mappings.
 */
export const SETUP_PATHS: readonly string[] = Object.freeze([
  "/root",
  "/mounts",
  "/linux/maskedPaths",
  "/linux/readonlyPaths",
  "/linux/rootfsPropagation",
  "/annotations",
]);

/**
 * True when a schema issue at `path` (a JSON pointer) concerns what setup reads: the path is
 * one of `SETUP_PATHS`, below one, or above one (`""` or `/linux` not being an object).
 */
export function isReadBySetup(path: string): boolean {
  return SETUP_PATHS.some(
    (used) => path === used || path.startsWith(`${used}/`) || used.startsWith(`${path}/`),
  );
}

/** What `validateConfigForSetup` returns. */
export type SetupValidation =
  | { success: true; output: Spec; issues: []; ignored: SpecIssue[] }
  | { success: false; output: undefined; issues: SpecIssue[]; ignored: SpecIssue[] };

/**
 * Validates a parsed `config.json` the way setup needs it: the official schema's issues in the
 * parts setup reads (`isReadBySetup`) fail it; issues elsewhere (a podman `--privileged`
 * config's `linux.devices[].fileMode` of 8576, with the file-type bits the schema's `<= 511`
 * refuses; a missing `ociVersion`) are returned as `ignored`, and the config is accepted. Only
 * the parts setup reads are guaranteed to match the schema in `output`: anything else is the
 * input as it was. `validateConfig` keeps the full schema's verdict. Never throws.
 */
export function validateConfigForSetup(value: unknown): SetupValidation {
  const result = validateConfig(value);
  if (result.success) return { ...result, ignored: [] };
  const issues = result.issues.filter((i) => isReadBySetup(i.path));
  const ignored = result.issues.filter((i) => !isReadBySetup(i.path));
  if (issues.length > 0) return { success: false, output: undefined, issues, ignored };
  return { success: true, output: value as Spec, issues: [], ignored };
}
