import * as v from "valibot";
import type { ValidationResult } from "./SpecIssue.ts";
import { toSpecIssues } from "./toSpecIssues.ts";

/** Runs a schema over a parsed JSON value and reports every issue. Never throws. */
export function validateWith<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
): ValidationResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, value);
  if (result.success) return { success: true, output: result.output, issues: [] };
  return { success: false, output: undefined, issues: toSpecIssues(result.issues) };
}
