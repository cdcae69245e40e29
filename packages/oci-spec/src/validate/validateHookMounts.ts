import { checkForSetup } from "../lint/checkForSetup.ts";
import type { Mount } from "../schemas/mount.ts";
import type { SpecIssue, ValidationResult } from "./SpecIssue.ts";
import { validateConfig } from "./validateConfig.ts";

/** The extra mounts `ocimount hook` performs: runtime-spec `mounts[]`, masks and read-only paths. */
export interface HookMounts {
  mounts: Mount[];
  /** Paths to mask like `linux.maskedPaths` (verified /dev/null over files, empty ro tmpfs over dirs). */
  maskedPaths: string[];
  /** Paths to make read-only like `linux.readonlyPaths`. */
  readonlyPaths: string[];
}

const KEYS = new Set(["mounts", "maskedPaths", "readonlyPaths"]);

/**
 * Validates a hook's mounts document (parsed JSON, as `ocimount hook` reads it from `--mounts
 * FILE` or the `org.ocimount.mounts` annotation): either a JSON array of runtime-spec mount
 * objects, or an object `{ "mounts": [...], "maskedPaths": [...], "readonlyPaths": [...] }`
 * (each optional). Mounts are checked with the config schema and `checkForSetup` (a bind needs
 * a source, a mount a type, no NUL in paths). Every issue is returned, its JSON pointer into
 * this document (`/2/source`, `/maskedPaths/0`). Pure: looks at no file.
 */
export function validateHookMounts(value: unknown): ValidationResult<HookMounts> {
  const isArray = Array.isArray(value);
  if (!isArray && (typeof value !== "object" || value === null)) {
    const received = value === null ? "null" : typeof value;
    return failed([issue("", "array or object", received, "expected a JSON array of mounts")]);
  }
  const doc = (isArray ? { mounts: value } : value) as Record<string, unknown>;
  const unknown = Object.keys(doc).filter((k) => !KEYS.has(k));
  if (unknown.length) {
    return failed(
      unknown.map((k) => issue(`/${k}`, "mounts, maskedPaths or readonlyPaths", k, "unknown key")),
    );
  }
  const spec = {
    ociVersion: "1.3.0",
    root: { path: "/" },
    mounts: doc.mounts ?? [],
    linux: { maskedPaths: doc.maskedPaths ?? [], readonlyPaths: doc.readonlyPaths ?? [] },
  };
  const result = validateConfig(spec);
  const issues = result.success ? checkForSetup(result.output) : result.issues;
  if (issues.length) return failed(issues.map((i) => relocate(i, isArray)));
  return {
    success: true,
    output: {
      mounts: spec.mounts as Mount[],
      maskedPaths: spec.linux.maskedPaths as string[],
      readonlyPaths: spec.linux.readonlyPaths as string[],
    },
    issues: [],
  };
}

/** Moves an issue from the synthesized config (`/mounts/2/source`) into the hook document. */
function relocate(i: SpecIssue, isArray: boolean): SpecIssue {
  let path = i.path.replace(/^\/linux\//, "/");
  if (isArray) path = path.replace(/^\/mounts/, "");
  return { ...i, path };
}

function issue(path: string, expected: string, received: string, message: string): SpecIssue {
  return { path, expected, received, message };
}

function failed(issues: SpecIssue[]): ValidationResult<HookMounts> {
  return { success: false, output: undefined, issues };
}
