import { describe, expect, test } from "bun:test";
import { didYouMean } from "./didYouMean.ts";

const COMMANDS = ["setup", "teardown", "plan", "status", "validate", "resolve", "flags", "hook"];
const OPTIONS = ["--bundle", "--state-dir", "--json", "--dry-run"];

const SUGGESTIONS: { name: string; word: string; candidates: string[]; meant?: string }[] = [
  { name: "a swap", word: "stauts", candidates: COMMANDS, meant: "status" },
  { name: "a missing letter", word: "flag", candidates: COMMANDS, meant: "flags" },
  { name: "an extra letter", word: "setupp", candidates: COMMANDS, meant: "setup" },
  { name: "two edits in a long word", word: "teadrwn", candidates: COMMANDS, meant: "teardown" },
  { name: "upper case", word: "PLAN", candidates: COMMANDS, meant: "plan" },
  { name: "a unique prefix", word: "val", candidates: COMMANDS, meant: "validate" },
  { name: "an option with a typo", word: "--bundel", candidates: OPTIONS, meant: "--bundle" },
  { name: "an option's prefix", word: "--state", candidates: OPTIONS, meant: "--state-dir" },
  { name: "nothing close", word: "mount", candidates: COMMANDS },
  { name: "too short to guess", word: "x", candidates: COMMANDS },
  { name: "an ambiguous prefix", word: "--d", candidates: ["--dry-run", "--debug"] },
  { name: "two equally close", word: "cat", candidates: ["bat", "car"] },
  { name: "the word itself is no suggestion", word: "plan", candidates: COMMANDS },
];

describe("didYouMean", () => {
  for (const row of SUGGESTIONS) {
    test(row.name, () => {
      expect(didYouMean(row.word, row.candidates)).toBe(row.meant);
    });
  }
});
