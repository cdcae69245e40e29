import { type Spec, SpecSchema } from "../schemas/spec.ts";
import type { ValidationResult } from "./SpecIssue.ts";
import { validateWith } from "./validateWith.ts";

/**
 * Validates a parsed `config.json` against runtime-spec v1.3.0 (config-schema.json), reporting
 * every issue with its JSON pointer. Never throws. Schema validity only: see `checkForSetup` and
 * `lintConfig` for what setup needs and what is merely suspicious.
 */
export function validateConfig(value: unknown): ValidationResult<Spec> {
  return validateWith(SpecSchema, value);
}
