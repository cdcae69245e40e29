import { expect, test } from "bun:test";
import { nearestMountOption } from "./index.ts";

test.each([
  ["nosiud", "nosuid"],
  ["nosuld", "nosuid"],
  ["noexce", "noexec"],
  ["RO", "ro"],
  ["rbnd", "rbind"],
  ["rprivte", "rprivate"],
  ["strictatim", "strictatime"],
  ["nosuid", undefined],
  ["mode=755", undefined],
  ["size", undefined],
  ["x", undefined],
  ["completelyunrelated", undefined],
])("nearestMountOption(%p) is %p", (option, want) => {
  expect(nearestMountOption(option)).toBe(want);
});
