import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { directory, fifo, file, link, makeTree, type Tree } from "@ocimount/test-utils";
import { BundleError, type BundleErrorCode } from "./BundleError.ts";
import { readJsonDocument } from "./readJsonDocument.ts";

// Hostile inputs: each must fail fast with a typed error, never hang, crash or read unbounded.
let tree: Tree | undefined;
let dir = "";
let server: Server | undefined;
const MiB = 1024 * 1024;

beforeAll(async () => {
  tree = makeTree({
    "ok.json": file('{"ociVersion": "1.3.0"}'),
    "link-to-ok.json": link("ok.json"),
    fifo: fifo,
    "link-to-fifo": link("fifo"),
    "link-to-zero": link("/dev/zero"),
    "dir.json": directory,
    "loop-a": link("loop-b"),
    "loop-b": link("loop-a"),
    "big.json": file(`{}${" ".repeat(17 * MiB)}`),
    "exact.json": file(`{}${" ".repeat(16 * MiB - 2)}`),
    "deep.json": file("[".repeat(1_000_000)),
    "deep-balanced.json": file(`${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`),
    "bad-utf8.json": file(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
    "bom.json": file("\ufeff{}"),
    "empty.json": file(),
    "syntax.json": file('{\n  "a": 1,\n  "b": ]\n}'),
  });
  dir = tree.root;
  server = createServer();
  await new Promise<void>((resolve) => server?.listen(join(dir, "socket"), resolve));
});

afterAll(() => {
  server?.close();
  tree?.remove();
});

const codeOf = async (path: string, maxBytes?: number) => {
  try {
    await readJsonDocument(path, maxBytes === undefined ? {} : { maxBytes });
    return "ok";
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    expect(error.path).toBe(path);
    return { code: error.code, fileType: error.fileType, line: error.line, column: error.column };
  }
};

type Want = "ok" | { code: BundleErrorCode; fileType?: string; line?: number; column?: number };
const table: [name: string, file: string, want: Want, maxBytes?: number][] = [
  ["regular file", "ok.json", "ok"],
  ["symlink to a regular file", "link-to-ok.json", "ok"],
  ["FIFO (no writer)", "fifo", { code: "ENOTREG", fileType: "fifo" }],
  ["symlink to a FIFO", "link-to-fifo", { code: "ENOTREG", fileType: "fifo" }],
  ["/dev/zero", "/dev/zero", { code: "ENOTREG", fileType: "character device" }],
  ["symlink to /dev/zero", "link-to-zero", { code: "ENOTREG", fileType: "character device" }],
  ["directory", "dir.json", { code: "ENOTREG", fileType: "directory" }],
  ["unix socket", "socket", { code: "ENOTREG", fileType: "socket" }],
  ["missing file", "nope.json", { code: "ENOENT" }],
  ["file used as a directory", "ok.json/x", { code: "ENOTDIR" }],
  ["symlink loop", "loop-a", { code: "ELOOP" }],
  ["17 MiB file", "big.json", { code: "EFBIG" }],
  ["exactly 16 MiB", "exact.json", "ok"],
  ["custom cap: one byte over", "ok.json", { code: "EFBIG" }, 22],
  ["custom cap: exact", "ok.json", "ok", 23],
  ["1e6 open brackets", "deep.json", { code: "EDEPTH", line: 1, column: 513 }],
  ["1e6-deep balanced nesting", "deep-balanced.json", { code: "EDEPTH", line: 1, column: 513 }],
  ["invalid UTF-8", "bad-utf8.json", { code: "EENCODING" }],
  ["UTF-8 BOM is ignored", "bom.json", "ok"],
  ["empty file", "empty.json", { code: "EJSON", line: 1, column: 1 }],
  ["syntax error line 3", "syntax.json", { code: "EJSON", line: 3, column: 8 }],
];

describe("readJsonDocument on hostile input", () => {
  for (const [name, input, want, maxBytes] of table) {
    test(name, async () => {
      const path = input.startsWith("/") ? input : join(dir, input);
      const got = await codeOf(path, maxBytes);
      expect(got).toEqual(want === "ok" ? "ok" : expect.objectContaining(want));
    });
  }
});
