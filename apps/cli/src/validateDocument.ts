import { stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import {
  lintConfig,
  readJsonDocument,
  readJsonText,
  type Spec,
  validateConfig,
  validateFeatures,
  validateState,
} from "@ocimount/oci-spec";

/** The document kinds `validate --kind` accepts. */
export type DocumentKind = "config" | "state" | "features";

/** One issue or warning, at a JSON pointer into the document. */
export interface PointedMessage {
  path: string;
  message: string;
}

/** `validate`'s verdict on one PATH; `error` is set when the document could not be read. */
export interface ValidationResult {
  path: string;
  valid: boolean;
  issues: PointedMessage[];
  warnings: PointedMessage[];
  error?: unknown;
}

const VALIDATORS = { config: validateConfig, state: validateState, features: validateFeatures };

/** The file PATH names: `config.json` inside a directory, else PATH itself. */
async function documentFile(unsafePath: string): Promise<string> {
  const info = await stat(unsafePath).catch(() => undefined);
  return info?.isDirectory() ? join(unsafePath, "config.json") : unsafePath;
}

/**
 * Validates one document against the official runtime-spec schema for `kind`. The verdict is the
 * schema's alone; `lintConfig` warnings (config only, valid documents only) never change it.
 * A document that cannot be read (missing, a FIFO, invalid JSON...) is invalid with `error` set.
 */
export async function validateDocument(
  unsafePath: string,
  kind: DocumentKind,
  stdin: () => Promise<string>,
): Promise<ValidationResult> {
  const file = unsafePath === "-" ? undefined : await documentFile(unsafePath);
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
  const issues = result.success
    ? []
    : result.issues.map((i) => ({ path: i.path || "/", message: i.message }));
  const warnings =
    result.success && kind === "config"
      ? lintConfig(result.output as Spec, file ? { bundleDir: dirname(resolve(file)) } : {}).map(
          (w) => ({ path: w.path, message: w.message }),
        )
      : [];
  return { path: unsafePath, valid: result.success, issues, warnings };
}
