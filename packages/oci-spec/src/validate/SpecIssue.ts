/** One schema violation, located by a JSON pointer (RFC 6901) into the document. */
export interface SpecIssue {
  /** JSON pointer, e.g. `/mounts/3/destination`; `""` is the document itself. */
  path: string;
  /** What the schema wanted, e.g. `"destination"`, `>=0`, `Object`; null when not stated. */
  expected: string | null;
  /** What was there, e.g. `undefined`, `"64kB"`, `-1`. */
  received: string;
  /** A human readable sentence, without the pointer (that is `path`). */
  message: string;
}

/** The result of `validateConfig`/`validateState`/`validateFeatures`: all issues, never the first. */
export type ValidationResult<T> =
  | { success: true; output: T; issues: [] }
  | { success: false; output: undefined; issues: SpecIssue[] };
