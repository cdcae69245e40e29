import type { BaseIssue } from "valibot";
import type { SpecIssue } from "./SpecIssue.ts";
import { toJsonPointer } from "./toJsonPointer.ts";

/**
 * Converts valibot issues to `SpecIssue`s with JSON pointer paths, in document order; the
 * message is the sentence alone (the pointer is in `path`, never repeated in the text).
 */
export function toSpecIssues(issues: readonly BaseIssue<unknown>[]): SpecIssue[] {
  return issues.map((issue) => {
    const path = toJsonPointer((issue.path ?? []).map((item) => item.key));
    const missing = issue.received === "undefined" && issue.type.endsWith("object");
    const message = missing ? `missing required property ${issue.expected}` : issue.message;
    return {
      path,
      expected: issue.expected,
      received: issue.received,
      message,
    };
  });
}
