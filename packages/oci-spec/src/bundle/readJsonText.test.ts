import { expect, test } from "bun:test";
import { BundleError } from "./BundleError.ts";
import { readJsonText } from "./readJsonText.ts";

const failure = (text: string, maxDepth?: number) => {
  try {
    readJsonText(text, maxDepth === undefined ? {} : { maxDepth });
  } catch (error) {
    if (error instanceof BundleError) {
      return { code: error.code, line: error.line, column: error.column, path: error.path };
    }
    throw error;
  }
  return undefined;
};

const table: [name: string, text: string, want: ReturnType<typeof failure>][] = [
  ["valid", '{"ociVersion": "1.3.0"}', undefined],
  ["empty text", "", { code: "EJSON", line: 1, column: 1, path: "<text>" }],
  [
    "trailing comma on line 3",
    '{\n  "a": 1,\n}',
    { code: "EJSON", line: 3, column: 1, path: "<text>" },
  ],
  ["bad token mid-line", "[1,\n 2, x]", { code: "EJSON", line: 2, column: 5, path: "<text>" }],
  ["deep nesting", "[".repeat(1_000_000), { code: "EDEPTH", line: 1, column: 513, path: "<text>" }],
  ["custom depth", "[[[]]]", { code: "EDEPTH", line: 1, column: 3, path: "<text>" }],
  [
    "deep nesting that JSON.parse accepts",
    `{"a":\n${"[".repeat(600)}${"]".repeat(600)}}`,
    { code: "EDEPTH", line: 2, column: 512, path: "<text>" },
  ],
];

for (const [name, text, want] of table) {
  test(`readJsonText: ${name}`, () => {
    expect(failure(text, name === "custom depth" ? 2 : undefined)).toEqual(want);
  });
}

test("readJsonText returns the parsed value, 64-bit integers as rounded numbers", () => {
  expect(readJsonText('{"limit": 9223372036854772000}')).toEqual({ limit: 9223372036854772000 });
});

test("the error message names the place", () => {
  expect(() => readJsonText("{]", { path: "config.json" })).toThrow(
    "invalid JSON config.json:1:2: EJSON: ",
  );
});
