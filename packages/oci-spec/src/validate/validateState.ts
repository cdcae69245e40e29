import { type State, StateSchema } from "../schemas/state.ts";
import type { ValidationResult } from "./SpecIssue.ts";
import { validateWith } from "./validateWith.ts";

/** Validates a parsed container state document (state-schema.json). Never throws. */
export function validateState(value: unknown): ValidationResult<State> {
  return validateWith(StateSchema, value);
}
