import { afterAll, expect, test } from "bun:test";
import { isInsideRoot, ResolveError, resolveInRoot, resolveInRootSync } from "./index.ts";
import { makeTree } from "./testdata/tree.fixture.ts";

// The examples of README.md, on the tree they describe.
const tree = makeTree([
  "dir etc",
  "dir run",
  "dir usr",
  "dir usr/bin",
  "symlink etc/resolv.conf -> ../run/resolv.conf",
  "symlink bin -> /usr/bin",
  "symlink loop -> loop",
]);
afterAll(() => tree.remove());
const root = tree.root;

test("README examples", async () => {
  expect(resolveInRootSync(root, "/etc/resolv.conf")).toBe(`${root}/run/resolv.conf`);
  expect(await resolveInRoot(root, "bin/../etc")).toBe(`${root}/usr/etc`);
  expect(resolveInRootSync(root, "../../bin/../../etc")).toBe(`${root}/etc`);
  expect(resolveInRootSync(root, "/data/new/dir")).toBe(`${root}/data/new/dir`);
  expect(() => resolveInRootSync(root, "/loop")).toThrow(ResolveError);
  expect(() => resolveInRootSync(root, "/loop")).toThrow(
    expect.objectContaining({ code: "ELOOP", component: `${root}/loop` }),
  );
  expect(isInsideRoot("/x/rootfs", "/x/rootfs2/etc")).toBe(false);
});
