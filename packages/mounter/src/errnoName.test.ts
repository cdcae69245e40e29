import { expect, test } from "bun:test";
import { errnoName } from "./index.ts";

test.each([
  [2, "ENOENT"],
  [20, "ENOTDIR"],
  [22, "EINVAL"],
  [9999, "E9999"],
])("errno %d is %s", (errno, name) => {
  expect(errnoName(errno)).toBe(name);
});
