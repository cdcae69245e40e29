import { expect, test } from "bun:test";
import { directoriesProven, runAhead } from "./runAhead.ts";

// The work stack holds the next component last.
test.each([
  ["names up to a dot-dot", "/r", ["last", "..", "c", "b"], ["/r", "/r/b", "/r/b/c"]],
  ["never the final component", "/r", ["last", "c", "b"], ["/r", "/r/b", "/r/b/c"]],
  ["stops at an empty component", "/r/a", ["x", "y", "", "b"], ["/r/a", "/r/a/b"]],
  ["stops at a dot", "/r/a", ["x", ".", "b"], ["/r/a", "/r/a/b"]],
  ["nothing pending", "/r/a", [], ["/r/a"]],
] as const)("runAhead: %s", (_name, current, pending, expected) => {
  expect(runAhead(current, pending)).toEqual([...expected]);
});

const run = ["/r/a", "/r/a/b", "/r/a/b/c"];
test.each([
  ["all plain directories", "/r/a/b/c", 3],
  ["a symlink at the end, resolved deeper", "/r/a/b/x/y", 2],
  ["a symlink at the end, resolved to its parent", "/r/a/b", 2],
  ["a symlink in the middle", "/r/a/z", 1],
  ["a prefix sibling is not a parent", "/r/a/bc/c", 1],
  ["resolved elsewhere", "/elsewhere", 0],
  ["resolved to the host root", "/", 0],
] as const)("directoriesProven: %s", (_name, real, expected) => {
  expect(directoriesProven(run, real)).toBe(expected);
});
