import { afterAll, expect, test } from "bun:test";
import { directory, link, makeTree } from "@ocimount/test-utils";
import { isInsideRoot, ResolveError, resolveInRoot, resolveInRootSync } from "./index.ts";

// The examples of README.md, on the tree they describe.
const tree = makeTree({
  etc: directory,
  run: directory,
  usr: directory,
  "usr/bin": directory,
  "etc/resolv.conf": link("../run/resolv.conf"),
  bin: link("/usr/bin"),
  loop: link("loop"),
});
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
