/** Where and why `scanJson` stopped. */
export interface JsonScanError {
  kind: "syntax" | "depth";
  offset: number;
  message: string;
}

type State = "value" | "valueOrClose" | "key" | "keyOrClose" | "after";

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Checks JSON text (RFC 8259) without recursion and without building values, so that JSON.parse
 * only ever sees text that parses and nests at most `maxDepth` deep. Returns the first error with
 * its offset, or undefined when the text is valid JSON.
 */
export function scanJson(text: string, maxDepth: number): JsonScanError | undefined {
  const stack: number[] = [];
  let state: State = "value";
  let pos = 0;
  for (;;) {
    pos = skipWhitespace(text, pos);
    if (pos >= text.length) {
      if (state === "after" && stack.length === 0) return undefined;
      return syntax(pos, "unexpected end of input");
    }
    const c = text.charCodeAt(pos);
    if (state === "after") {
      const top = stack.at(-1);
      if (top === undefined) return syntax(pos, "unexpected data after the JSON value");
      if (c === 0x2c) state = top === OPEN_OBJECT ? "key" : "value";
      else if (c === top + 2)
        stack.pop(); // '{'+2 is '}', '['+2 is ']'
      else return syntax(pos, top === OPEN_OBJECT ? "expected ',' or '}'" : "expected ',' or ']'");
      pos++;
    } else if ((state === "keyOrClose" && c === 0x7d) || (state === "valueOrClose" && c === 0x5d)) {
      stack.pop();
      pos++;
      state = "after";
    } else if (state === "key" || state === "keyOrClose") {
      if (c !== 0x22) return syntax(pos, "expected a property name in double quotes");
      const end = scanString(text, pos);
      if (typeof end !== "number") return end;
      pos = skipWhitespace(text, end);
      if (text.charCodeAt(pos) !== 0x3a) return syntax(pos, "expected ':'");
      pos++;
      state = "value";
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (stack.length >= maxDepth) {
        return { kind: "depth", offset: pos, message: `nesting deeper than ${maxDepth} levels` };
      }
      stack.push(c);
      pos++;
      state = c === OPEN_OBJECT ? "keyOrClose" : "valueOrClose";
    } else {
      const end = scanScalar(text, pos, c);
      if (typeof end !== "number") return end;
      pos = end;
      state = "after";
    }
  }
}

function syntax(offset: number, message: string): JsonScanError {
  return { kind: "syntax", offset, message };
}

function skipWhitespace(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return p;
    p++;
  }
}

function scanScalar(text: string, pos: number, c: number): number | JsonScanError {
  if (c === 0x22) return scanString(text, pos);
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, pos)) return pos + literal.length;
  }
  NUMBER.lastIndex = pos;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  const shown = JSON.stringify(String.fromCodePoint(text.codePointAt(pos) ?? c));
  return syntax(pos, `unexpected character ${shown}`);
}

function scanString(text: string, start: number): number | JsonScanError {
  let pos = start + 1;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 0x22) return pos + 1;
    if (c < 0x20) return syntax(pos, "control character in string (escape it)");
    if (c === 0x5c) {
      const next = text[pos + 1] ?? "";
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          return syntax(pos, "invalid \\u escape (needs 4 hex digits)");
        }
        pos += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(next) || next === "")
        return syntax(pos, "invalid escape in string");
      pos += 2;
      continue;
    }
    pos++;
  }
  return syntax(start, "unterminated string");
}
