import { expect, test } from "bun:test";
import { isInsideRoot } from "./index.ts";

test.each([
  ["root itself", "/x/rootfs", "/x/rootfs", true],
  ["child", "/x/rootfs", "/x/rootfs/etc", true],
  ["prefix sibling", "/x/rootfs", "/x/rootfs2", false],
  ["prefix sibling child", "/x/rootfs", "/x/rootfs2/etc", false],
  ["parent", "/x/rootfs", "/x", false],
  ["trailing slash on root", "/x/rootfs/", "/x/rootfs/a", true],
  ["slash root", "/", "/anything", true],
])("%s", (_name, root, candidate, expected) => {
  expect(isInsideRoot(root, candidate)).toBe(expected);
});
