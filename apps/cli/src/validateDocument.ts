import { stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import {
  isReadBySetup,
  lintConfig,
  readJsonDocument,
  readJsonText,
  type Spec,
  validateConfig,
  validateFeatures,
  validateHookMounts,
  validateState,
} from "@ocimount/oci-spec";

/** The document kinds `validate --kind` accepts (`mounts`: the hook's mounts document). */
export type DocumentKind = "config" | "state" | "features" | "mounts";

/** One issue or warning, at a JSON pointer into the document. */
export interface PointedMessage {
  path: string;
  message: string;
  /** config issues only: true when setup, plan and hook do not read that part (they warn and go on). */
  ignoredBySetup?: boolean;
}

/** `validate`'s verdict on one PATH; `error` is set when the document could not be read. */
export interface ValidationResult {
  path: string;
  valid: boolean;
  issues: PointedMessage[];
  warnings: PointedMessage[];
  error?: unknown;
}

const VALIDATORS = {
  config: validateConfig,
  state: validateState,
  features: validateFeatures,
  mounts: validateHookMounts,
};

/** One schema issue for the report; a config issue says whether setup ignores it. */
function issueOf(kind: DocumentKind, i: { path: string; message: string }): PointedMessage {
  const message = i.message;
  if (kind !== "config") return { path: i.path || "/", message };
  const ignoredBySetup = !isReadBySetup(i.path);
  const note = ignoredBySetup ? " (setup does not read this: it warns and goes on)" : "";
  return { path: i.path || "/", message: `${message}${note}`, ignoredBySetup };
}

/**
 * The file PATH names: `config.json` inside a directory (a bundle), else PATH itself. A mounts
 * document is a file of its own, never a bundle's config.
 */
async function documentFile(unsafePath: string, kind: DocumentKind): Promise<string> {
  if (kind === "mounts") return unsafePath;
  const info = await stat(unsafePath).catch(() => undefined);
  return info?.isDirectory() ? join(unsafePath, "config.json") : unsafePath;
}

/**
 * Validates one document against the official runtime-spec schema for `kind`. The verdict is the
 * schema's alone; for a config, each issue says whether setup ignores it (`ignoredBySetup`: a part
 * setup does not read, such as `linux.devices`); `lintConfig` warnings (config only, valid documents only) never change it.
 * A document that cannot be read (missing, a FIFO, invalid JSON...) is invalid with `error` set.
 */
export async function validateDocument(
  unsafePath: string,
  kind: DocumentKind,
  stdin: () => Promise<string>,
): Promise<ValidationResult> {
  const file = unsafePath === "-" ? undefined : await documentFile(unsafePath, kind);
  let value: unknown;
  try {
    value =
      file === undefined
        ? readJsonText(await stdin(), { path: "-" })
        : await readJsonDocument(file);
  } catch (error) {
    return { path: unsafePath, valid: false, issues: [], warnings: [], error };
  }
  const result = VALIDATORS[kind](value);
  const issues = result.success ? [] : result.issues.map((i) => issueOf(kind, i));
  const warnings =
    result.success && kind === "config"
      ? lintConfig(result.output as Spec, file ? { bundleDir: dirname(resolve(file)) } : {}).map(
          (w) => ({ path: w.path, message: w.message }),
        )
      : [];
  return { path: unsafePath, valid: result.success, issues, warnings };
}
