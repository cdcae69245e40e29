// Test-only: read a fixture like a bundle and validate it with the validator for its kind.
import type { Kind } from "./conformance.fixture.ts";
import {
  readJsonDocument,
  type SpecIssue,
  validateConfig,
  validateFeatures,
  validateState,
} from "./index.ts";

const validators = { config: validateConfig, state: validateState, features: validateFeatures };

/** Outcome of reading + validating one document. */
export interface DocumentOutcome {
  ok: boolean;
  issues: SpecIssue[];
  error?: unknown;
}

/** Reads `file` through `readJsonDocument` and validates it as `kind`. */
export async function validateDocument(kind: Kind, file: string): Promise<DocumentOutcome> {
  let value: unknown;
  try {
    value = await readJsonDocument(file);
  } catch (error) {
    return { ok: false, issues: [], error };
  }
  const result = validators[kind](value);
  return { ok: result.success, issues: result.issues };
}
