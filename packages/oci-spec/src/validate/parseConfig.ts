import type { Spec } from "../schemas/spec.ts";
import { SpecValidationError } from "./SpecValidationError.ts";
import { validateConfig } from "./validateConfig.ts";

/**
 * Validates a parsed `config.json` and returns it typed.
 * @throws SpecValidationError with every issue when it is not valid.
 */
export function parseConfig(value: unknown): Spec {
  const result = validateConfig(value);
  if (!result.success) throw new SpecValidationError(result.issues);
  return result.output;
}
