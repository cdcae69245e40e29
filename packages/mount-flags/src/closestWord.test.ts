import { describe, expect, test } from "bun:test";
import { closestWord, editDistance } from "./index.ts";

const DISTANCES: { a: string; b: string; distance: number }[] = [
  { a: "", b: "", distance: 0 },
  { a: "plan", b: "plan", distance: 0 },
  { a: "", b: "abc", distance: 3 },
  { a: "stauts", b: "status", distance: 1 },
  { a: "setpu", b: "setup", distance: 1 },
  { a: "plna", b: "plan", distance: 1 },
  { a: "kitten", b: "sitting", distance: 3 },
  { a: "flag", b: "flags", distance: 1 },
];

describe("editDistance", () => {
  for (const row of DISTANCES) {
    test(`${row.a || "''"} -> ${row.b || "''"} is ${row.distance}`, () => {
      expect(editDistance(row.a, row.b)).toBe(row.distance);
      expect(editDistance(row.b, row.a)).toBe(row.distance);
    });
  }
});

const CLOSEST: { name: string; word: string; candidates: string[]; want?: string }[] = [
  { name: "one edit", word: "nosiud", candidates: ["nosuid", "noexec"], want: "nosuid" },
  { name: "case ignored", word: "RO", candidates: ["ro", "rw"], want: "ro" },
  {
    name: "two edits from six characters on",
    word: "teadrwn",
    candidates: ["teardown"],
    want: "teardown",
  },
  { name: "two edits are too many for a short word", word: "plna", candidates: ["flag"] },
  { name: "a tie is no answer", word: "cat", candidates: ["bat", "car"] },
  { name: "the word itself", word: "plan", candidates: ["plan", "flag"], want: "plan" },
  { name: "nothing close", word: "mount", candidates: ["setup"] },
];

describe("closestWord", () => {
  for (const row of CLOSEST) {
    test(row.name, () => {
      expect(closestWord(row.word, row.candidates)).toBe(row.want);
    });
  }
});
