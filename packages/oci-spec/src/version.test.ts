import { expect, test } from "bun:test";
import { SPEC_VERSION } from "./index.ts";

test("follows runtime-spec v1.3.0", () => {
  expect(SPEC_VERSION).toBe("1.3.0");
});
