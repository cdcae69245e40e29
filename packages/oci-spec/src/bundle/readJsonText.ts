import { BundleError } from "./BundleError.ts";
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
 * Parses JSON text (e.g. from stdin). The text is scanned first, so a syntax error reports its
 * line and column in any JavaScript engine, and absurd nesting fails cleanly before JSON.parse.
 * @throws BundleError `EJSON` (with line/column) or `EDEPTH`.
 */
export function readJsonText(text: string, options: ReadJsonTextOptions = {}): unknown {
  const path = options.path ?? "<text>";
  const error = scanJson(text, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  if (error) {
    const { line, column } = lineColumn(text, error.offset);
    const code = error.kind === "depth" ? "EDEPTH" : "EJSON";
    throw new BundleError(code, path, error.message, { line, column, offset: error.offset });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    // Unreachable when scanJson is right; kept so a disagreement is still a typed error.
    throw new BundleError("EJSON", path, String(cause), { cause });
  }
}
