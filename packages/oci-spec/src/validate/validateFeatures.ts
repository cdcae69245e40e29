import { type Features, FeaturesSchema } from "../schemas/features.ts";
import type { ValidationResult } from "./SpecIssue.ts";
import { validateWith } from "./validateWith.ts";

/** Validates a parsed runtime features document (features-schema.json). Never throws. */
export function validateFeatures(value: unknown): ValidationResult<Features> {
  return validateWith(FeaturesSchema, value);
}
