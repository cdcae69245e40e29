import { checkForSetup, type Mount, type SpecIssue, validateConfig } from "@ocimount/oci-spec";
import { HookError } from "./HookError.ts";

/** The extra mounts a hook performs: runtime-spec `mounts[]`, plus optional masks and read-only paths. */
export interface HookMounts {
  mounts: Mount[];
  /** Paths to mask like `linux.maskedPaths` (verified /dev/null over files, empty ro tmpfs over dirs). */
  maskedPaths: string[];
  /** Paths to make read-only like `linux.readonlyPaths`. */
  readonlyPaths: string[];
}

const KEYS = new Set(["mounts", "maskedPaths", "readonlyPaths"]);

/**
 * Validates a hook's mounts document (already parsed JSON): either a JSON array of runtime-spec
 * mount objects, or an object `{ "mounts": [...], "maskedPaths": [...], "readonlyPaths": [...] }`
 * (each optional). Mounts are checked with the config schema and `checkForSetup` (a bind needs a
 * source; no NUL in paths). Throws `HookError` `EINVALID` with every issue, its JSON pointer into
 * this document (`/2/source`, `/maskedPaths/0`). `name` names the document in errors.
 */
export function parseHookMounts(value: unknown, name: string): HookMounts {
  const isArray = Array.isArray(value);
  if (!isArray && (typeof value !== "object" || value === null)) {
    invalid(name, [
      issue(
        "",
        "array or object",
        value === null ? "null" : typeof value,
        "expected a JSON array of mounts",
      ),
    ]);
  }
  const doc = (isArray ? { mounts: value } : value) as Record<string, unknown>;
  const unknown = Object.keys(doc).filter((k) => !KEYS.has(k));
  if (unknown.length) {
    invalid(
      name,
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
  if (issues.length)
    invalid(
      name,
      issues.map((i) => relocate(i, isArray)),
    );
  return {
    mounts: (spec.mounts ?? []) as Mount[],
    maskedPaths: spec.linux.maskedPaths as string[],
    readonlyPaths: spec.linux.readonlyPaths as string[],
  };
}

/** Moves an issue from the synthesized config (`/mounts/2/source`) into the hook document. */
function relocate(i: SpecIssue, isArray: boolean): SpecIssue {
  let path = i.path.replace(/^\/linux\//, "/");
  if (isArray) path = path.replace(/^\/mounts/, "");
  return { ...i, path };
}

function issue(path: string, expected: string, received: string, text: string): SpecIssue {
  return { path, expected, received, message: text };
}

function invalid(name: string, issues: SpecIssue[]): never {
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
