import { afterEach, expect, test } from "bun:test";
import { chmodSync, existsSync, lstatSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { makeTree, type Tree } from "./makeTree.ts";
import { randomTree } from "./randomTree.ts";
import { seededRandom } from "./seededRandom.ts";
import { directory, fifo, file, link } from "./treeEntry.ts";

let tree: Tree | undefined;
afterEach(() => tree?.remove());

/** What is at a path: "dir", "file <content> <mode>", "link <target>", "fifo", or "missing". */
function kindAt(path: string): string {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (st === undefined) return "missing";
  if (st.isSymbolicLink()) return `link ${readlinkSync(path)}`;
  if (st.isDirectory()) return "dir";
  if (st.isFIFO()) return "fifo";
  return `file ${readFileSync(path, "utf8")} ${(st.mode & 0o7777).toString(8)}`;
}

const rows = [
  ["a directory", { d: directory }, "d", "dir"],
  ["parents are made", { "a/b/c": directory }, "a/b", "dir"],
  ["an empty file", { f: file() }, "f", "file  644"],
  ["a file with content and a mode", { "x/f": file("hi", 0o700) }, "x/f", "file hi 700"],
  ["a relative link, written as given", { l: link("../x") }, "l", "link ../x"],
  ["a dangling absolute link", { l: link("/nowhere") }, "l", "link /nowhere"],
  ["a named pipe", { p: fifo }, "p", "fifo"],
  ["a sibling of the root through ..", { "../side/f": file("s") }, "../side/f", "file s 644"],
] as const;

test.each(rows)("%s", (_name, spec, path, expected) => {
  const old = process.umask(0o022);
  try {
    tree = makeTree(spec, { root: "rootfs" });
  } finally {
    process.umask(old);
  }
  expect(tree.root).toBe(join(tree.tempDir, "rootfs"));
  expect(kindAt(join(tree.root, path))).toBe(expected);
});

test("add makes more entries; remove takes everything, mode-000 directories too", () => {
  tree = makeTree({ a: directory });
  tree.add({ "a/locked/inner": file("x") });
  chmodSync(join(tree.root, "a/locked"), 0);
  tree.remove();
  expect(existsSync(tree.tempDir)).toBe(false);
  tree = undefined;
});

test("an entry that exists already is an error, not a silent overwrite", () => {
  tree = makeTree({ f: file("one") });
  expect(() => tree?.add({ f: file("two") })).toThrow(/EEXIST/);
});

test("randomTree: the same seed gives the same tree, and it builds", () => {
  const profile = {
    names: ["a", "b"],
    size: 30,
    maxDepth: 3,
    dirShare: 0.4,
    fileShare: 0.2,
    maxLength: 4,
    dotDotShare: 0.2,
  };
  const spec = randomTree(seededRandom(7), profile);
  expect(randomTree(seededRandom(7), profile)).toEqual(spec);
  expect(Object.keys(spec).every((p) => p.split("/").length <= 3)).toBe(true);
  tree = makeTree(spec);
  for (const path of Object.keys(spec)) expect(kindAt(join(tree.root, path))).not.toBe("missing");
});
