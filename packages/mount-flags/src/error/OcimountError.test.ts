import { describe, expect, test } from "bun:test";
import { type ErrorFields, isOcimountError, OcimountError } from "../errors.ts";

/** Fields in, the one message format out. */
const MESSAGES: { name: string; fields: ErrorFields; message: string }[] = [
  {
    name: "a failed system call names op, paths and the errno as name, number and text",
    fields: {
      code: "ESYSCALL",
      op: "open_tree",
      where: "mounts[3]",
      source: "/s",
      target: "/d",
      errno: 2,
    },
    message: "mounts[3]: open_tree /s -> /d: ENOENT (errno 2, No such file or directory)",
  },
  {
    name: "a code that is the errno's own name is said once",
    fields: { code: "ENOTDIR", op: "mkdirAllInRoot", path: "a/f/x", component: "/a/f", errno: 20 },
    message: "mkdirAllInRoot a/f/x at /a/f: ENOTDIR (errno 20, Not a directory)",
  },
  {
    name: "a negative (libuv) errno is stored and shown positive",
    fields: { code: "EIO", path: "/b/config.json", errno: -13 },
    message: "/b/config.json: EIO: EACCES (errno 13, Permission denied)",
  },
  {
    name: "a JSON error names file:line:column and the parser's reason",
    fields: {
      code: "EJSON",
      path: "/b/config.json",
      position: { line: 3, column: 7 },
      detail: "unexpected end",
    },
    message: "/b/config.json:3:7: EJSON: unexpected end",
  },
  {
    name: "issues: the first with its pointer, the rest counted",
    fields: {
      code: "EINVALID",
      path: "/b/config.json",
      issues: [
        { path: "/mounts/0/type", message: "Invalid type" },
        { path: "/root", message: "Invalid type" },
      ],
    },
    message: "/b/config.json: EINVALID: /mounts/0/type: Invalid type (and 1 more)",
  },
  {
    name: "a verify error without errno",
    fields: {
      code: "EVERIFY",
      op: "verify",
      where: "mounts[1]",
      target: "/x",
      detail: "expected ro, got rw",
    },
    message: "mounts[1]: verify /x: EVERIFY: expected ro, got rw",
  },
];

describe("formatErrorMessage", () => {
  for (const row of MESSAGES) {
    test(row.name, () => {
      expect(new OcimountError(row.fields).message).toBe(row.message);
    });
  }
});

test("every field is there, errnoName derived, lists empty when not given", () => {
  const e = new OcimountError({ code: "ESYSCALL", op: "mount", errno: -1 });
  expect(e).toMatchObject({ code: "ESYSCALL", op: "mount", errno: 1, errnoName: "EPERM" });
  expect(e.issues).toEqual([]);
  expect(e.errors).toEqual([]);
  expect(e.position).toBeUndefined();
});

test("recognised by its mark, not its class or name", () => {
  const e = new OcimountError({ code: "EUSAGE" });
  expect(isOcimountError(e)).toBe(true);
  expect(
    isOcimountError(Object.assign(new Error("x"), { name: "OcimountError", code: "EUSAGE" })),
  ).toBe(false);
  expect(isOcimountError(null)).toBe(false);
});

/** `where` in, `mountIndex` out: the mount an error is about, without anyone parsing `where`. */
const MOUNT_INDEX: { where: string | undefined; mountIndex: number | undefined }[] = [
  { where: "mounts[3]", mountIndex: 3 },
  { where: "mounts[0]/cpu,cpuacct", mountIndex: 0 },
  { where: "mounts[12].type", mountIndex: 12 },
  { where: "linux.maskedPaths[2]", mountIndex: undefined },
  { where: "root.path", mountIndex: undefined },
  { where: "mounts[x]", mountIndex: undefined },
  { where: "mounts[3]x", mountIndex: undefined },
  { where: "hook mounts[3]", mountIndex: undefined },
  { where: undefined, mountIndex: undefined },
];

describe("mountIndex follows where", () => {
  for (const row of MOUNT_INDEX) {
    test(`${row.where} -> ${row.mountIndex}`, () => {
      expect(new OcimountError({ code: "EINVALID", where: row.where }).mountIndex).toBe(
        row.mountIndex,
      );
    });
  }
});
