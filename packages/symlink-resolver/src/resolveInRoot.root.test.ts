import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { ResolveError, resolveInRoot, resolveInRootSync } from "./index.ts";
import { makeTree } from "./testdata/tree.fixture.ts";

const tree = makeTree(["dir a", "file f", "symlink l -> /a"]);
afterAll(() => tree.remove());
mkdirSync(`${tree.parent}/real`);
symlinkSync("real", `${tree.parent}/rootlink`);
writeFileSync(`${tree.parent}/plainfile`, "");

const resolvers = [
  ["resolveInRootSync", async (root: string, p: string) => resolveInRootSync(root, p)],
  ["resolveInRoot", resolveInRoot],
] as const;

describe.each(resolvers)("%s: the root", (_name, resolve) => {
  test("a symlinked root is canonicalised first (it is trusted)", async () => {
    expect(await resolve(`${tree.parent}/rootlink`, "x/..")).toBe(`${tree.parent}/real`);
  });
  test("a root with a trailing slash and dots", async () => {
    expect(await resolve(`${tree.root}/./`, "l")).toBe(`${tree.root}/a`);
  });
  test("the host root /", async () => {
    expect(await resolve("/", "..")).toBe("/");
  });

  test.each([
    ["a missing root", "/missing", "ENOENT", "x"],
    ["a root that is a file", "plainfile", "ENOTDIR", "x"],
    ["an empty root", "", "ENOENT", "x"],
    ["a NUL byte in the path", "rootfs", "EINVAL", "a\0b"],
    ["a NUL byte in the root", "root\0fs", "EINVAL", "a"],
  ])("%s is %s", async (_case, root, code, unsafePath) => {
    const given = root === "" || root.startsWith("/") ? root : `${tree.parent}/${root}`;
    const error = await resolve(given, unsafePath).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResolveError);
    expect(error).toMatchObject({ code, root: given, path: unsafePath });
    expect((error as Error).message).toContain(code);
  });
});
