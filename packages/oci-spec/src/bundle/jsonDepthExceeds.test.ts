import { expect, test } from "bun:test";
import { jsonDepthExceeds } from "./jsonDepthExceeds.ts";
import { scanJson } from "./scanJson.ts";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

const table: [name: string, text: string, maxDepth: number, exceeds: boolean][] = [
  ["a scalar", "1", 0, false],
  ["an empty object at depth 1", "{}", 1, false],
  ["an empty object over depth 0", "{}", 0, true],
  ["objects in arrays", '[{"a": [1, {"b": null}]}]', 4, false],
  ["one level too deep", '[{"a": [1, {"b": null}]}]', 3, true],
  ["depth is the deepest branch, not the count", '[[1], [2], [3], {"x": {}}]', 3, false],
  ["512 levels at the default limit", nested(512), 512, false],
  ["513 levels", nested(513), 512, true],
  ["a million levels, iteratively", nested(1_000_000), 512, true],
];

for (const [name, text, maxDepth, exceeds] of table) {
  test(`jsonDepthExceeds: ${name}`, () => {
    expect(jsonDepthExceeds(JSON.parse(text), maxDepth)).toBe(exceeds);
    // The same verdict as scanJson's, which readJsonText asks for the place.
    expect(scanJson(text, maxDepth)?.kind === "depth").toBe(exceeds);
  });
}
