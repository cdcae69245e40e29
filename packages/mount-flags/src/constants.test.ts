import { expect, test } from "bun:test";
import { MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_RDONLY } from "./index.ts";

test.each([
  ["MS_RDONLY", MS_RDONLY, 1],
  ["MS_NOSUID", MS_NOSUID, 2],
  ["MS_NODEV", MS_NODEV, 4],
  ["MS_NOEXEC", MS_NOEXEC, 8],
])("%s has the kernel's value", (_name, actual, expected) => {
  expect(actual).toBe(expected);
});
