/**
 * The format version of every `--json` document; bumped when a shape changes incompatibly.
 * A file of its own without imports, so the error path of every command can use it cheaply.
 */
export const JSON_VERSION = 1;

/** `body` as a `--json` document: `{ "version": 1, ...body }`. */
export function jsonDocument<T extends object>(body: T): { version: typeof JSON_VERSION } & T {
  return { version: JSON_VERSION, ...body };
}
