import { expect, test } from "bun:test";
import { ERRNO_TABLE, errnoName, errnoNumber, errnoText } from "../errors.ts";

test.each([
  [1, "EPERM"],
  [2, "ENOENT"],
  [9, "EBADF"],
  [11, "EAGAIN"],
  [-13, "EACCES"],
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
  expect(errnoName(errno)).toBe(name as never);
});

test.each([
  ["ENOENT", 2],
  ["EWOULDBLOCK", 11],
  ["ENOTSUP", 95],
  ["EHWPOISON", 133],
  ["ENOPE", undefined],
])("errno name %s is %p", (name, errno) => {
  expect(errnoNumber(name)).toBe(errno);
});

test("errno text is glibc's, unknown ones like glibc's", () => {
  expect(errnoText(2)).toBe("No such file or directory");
  expect(errnoText(-13)).toBe("Permission denied");
  expect(errnoText(9999)).toBe("Unknown error 9999");
});

test("the errno table is sorted, covers 1..133 but the two unused numbers, and has no duplicates", () => {
  const numbers: number[] = ERRNO_TABLE.map(([n]) => n);
  const expected = Array.from({ length: 133 }, (_, i) => i + 1).filter((n) => n !== 41 && n !== 58);
  expect(numbers).toEqual(expected);
  expect(new Set(ERRNO_TABLE.map(([, name]) => name)).size).toBe(ERRNO_TABLE.length);
});
