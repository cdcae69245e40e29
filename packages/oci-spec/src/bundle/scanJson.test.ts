import { describe, expect, test } from "bun:test";
import { createRandom } from "../mutate.fixture.ts";
import { scanJson } from "./scanJson.ts";

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const cases: [name: string, text: string][] = [
  ["object", '{"a": [1, -2.5e+3, true, false, null, "x\\n\\u00e9"]}'],
  ["scalar at top level", "42"],
  ["surrounding whitespace", " \t\r\n{} \n"],
  ["empty", ""],
  ["only whitespace", "   "],
  ["two values", "1 2"],
  ["leading zero", "01"],
  ["lone minus", "-"],
  ["trailing dot", "1."],
  ["leading dot", ".5"],
  ["bare exponent", "1e"],
  ["bad escape", '"\\x"'],
  ["raw tab in string", '"\t"'],
  ["short unicode escape", '"\\u12"'],
  ["trailing comma in array", "[1,]"],
  ["trailing comma in object", '{"a":1,}'],
  ["truncated literal", "tru"],
  ["non-breaking space", "\u00a0{}"],
  ["lone surrogate escape", '"\\ud800"'],
  ["extra close", "[]]"],
  ["garbage after", "{}x"],
  ["unquoted key", "{a:1}"],
  ["missing colon", '{"a" 1}'],
  ["mismatched close", "[}"],
  ["unterminated string", '"abc'],
  ["BOM", "\ufeff{}"],
];

describe("scanJson agrees with JSON.parse", () => {
  for (const [name, text] of cases) {
    test(name, () => {
      expect(scanJson(text, 512) === undefined).toBe(parses(text));
    });
  }

  test("on 20000 random near-JSON strings (seeded)", () => {
    const alphabet = [
      '{"a":1}',
      "[",
      "]",
      "{",
      "}",
      ",",
      ":",
      '"k"',
      "1",
      "-",
      ".",
      "e",
      " ",
      "\\",
    ];
    const more = ["true", "nul", '"', "0", "E+", "\n", "x", "\u00e9", "[1,2]", '{"b":[]}'];
    const pieces = [...alphabet, ...more];
    const random = createRandom(7);
    for (let i = 0; i < 20000; i++) {
      let text = "";
      const n = 1 + Math.floor(random() * 8);
      for (let j = 0; j < n; j++) text += pieces[Math.floor(random() * pieces.length)];
      expect(`${JSON.stringify(text)}: ${scanJson(text, 512) === undefined}`).toBe(
        `${JSON.stringify(text)}: ${parses(text)}`,
      );
    }
  });
});

describe("scanJson positions and depth", () => {
  test("reports the offset of the first error", () => {
    expect(scanJson('{"a": 1,\n}', 512)).toEqual({
      kind: "syntax",
      offset: 9,
      message: "expected a property name in double quotes",
    });
  });

  test("depth limit: exactly maxDepth passes, one more fails", () => {
    expect(scanJson(`${"[".repeat(512)}${"]".repeat(512)}`, 512)).toBeUndefined();
    expect(scanJson(`${"[".repeat(513)}${"]".repeat(513)}`, 512)?.kind).toBe("depth");
  });

  test("a million open brackets fail cleanly", () => {
    expect(scanJson("[".repeat(1_000_000), 512)).toMatchObject({ kind: "depth", offset: 512 });
  });
});
