import { BundleError } from "./BundleError.ts";
import { jsonDepthExceeds } from "./jsonDepthExceeds.ts";
import { lineColumn } from "./lineColumn.ts";
import { scanJson } from "./scanJson.ts";

/** Options for `readJsonText` and `readJsonDocument`. */
export interface ReadJsonTextOptions {
  /** Deepest nesting of objects/arrays accepted (default 512). */
  maxDepth?: number;
  /** Name used in errors (default `"<text>"`). */
  path?: string;
}

/** Default nesting limit: far beyond any real config, far below any parser's stack limit. */
export const DEFAULT_MAX_DEPTH = 512;

/**
 * Parses JSON text (e.g. from stdin). A syntax error reports its line and column in any
 * JavaScript engine, and nesting deeper than `maxDepth` fails with `EDEPTH` before any recursive
 * code sees the value. The engine's own JSON.parse reads the text first (native, ~20x faster
 * than our scanner); only a document it refuses, or one nested too deep (checked on the value,
 * iteratively), is scanned again by `scanJson` for the exact place. Deep nesting costs
 * JSON.parse no more than as many flat values would (it does not recurse), and the bytes read
 * are capped before this is called.
 * @throws BundleError `EJSON` (with line/column) or `EDEPTH`.
 */
export function readJsonText(text: string, options: ReadJsonTextOptions = {}): unknown {
  const path = options.path ?? "<text>";
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let value: unknown;
  let parseError: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    parseError = cause;
  }
  if (parseError === undefined && !jsonDepthExceeds(value, maxDepth)) return value;
  const error = scanJson(text, maxDepth);
  if (error) {
    const { line, column } = lineColumn(text, error.offset);
    const code = error.kind === "depth" ? "EDEPTH" : "EJSON";
    throw new BundleError(code, path, error.message, { line, column, offset: error.offset });
  }
  // Unreachable when scanJson agrees with the engine; kept so a disagreement is still typed.
  const detail =
    parseError === undefined ? `nesting deeper than ${maxDepth} levels` : String(parseError);
  throw new BundleError(parseError === undefined ? "EDEPTH" : "EJSON", path, detail, {
    cause: parseError,
  });
}
