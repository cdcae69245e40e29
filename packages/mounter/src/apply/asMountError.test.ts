import { expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { asMountError } from "./asMountError.ts";

test("a node:fs error keeps its real errno (libuv's is negated)", () => {
  let thrown: unknown;
  try {
    writeFileSync("/proc/self/nonexistent-dir/x", "");
  } catch (err) {
    thrown = err;
  }
  const e = asMountError(thrown, "mounts[0]");
  expect(e.errno).toBe(2);
  expect(e.where).toBe("mounts[0]");
});
