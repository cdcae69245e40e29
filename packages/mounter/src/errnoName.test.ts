import { expect, test } from "bun:test";
import { errnoName } from "./index.ts";
import { ERRNO_TABLE } from "./sys/errnoTable.ts";

test.each([
  [1, "EPERM"],
  [2, "ENOENT"],
  [9, "EBADF"],
  [11, "EAGAIN"],
  [20, "ENOTDIR"],
  [22, "EINVAL"],
  [35, "EDEADLK"],
  [38, "ENOSYS"],
  [40, "ELOOP"],
  [95, "EOPNOTSUPP"],
  [133, "EHWPOISON"],
  [0, "E0"],
  [9999, "E9999"],
])("errno %d is %s", (errno, name) => {
  expect(errnoName(errno)).toBe(name);
});

test("the errno table is sorted, covers 1..133 but the two unused numbers, and has no duplicates", () => {
  const numbers = ERRNO_TABLE.map(([n]) => n);
  const expected = Array.from({ length: 133 }, (_, i) => i + 1).filter((n) => n !== 41 && n !== 58);
  expect(numbers).toEqual(expected);
  expect(new Set(ERRNO_TABLE.map(([, name]) => name)).size).toBe(ERRNO_TABLE.length);
});
