import { afterAll, describe, expect, test } from "bun:test";
import { directory, file, link, makeTree } from "@ocimount/test-utils";
import { ResolveError, resolveInRoot, resolveInRootSync } from "./index.ts";

const tree = makeTree(
  {
    a: directory,
    f: file(),
    l: link("/a"),
    "../real": directory,
    "../rootlink": link("real"),
    "../plainfile": file(),
  },
  { root: "rootfs" },
);
afterAll(() => tree.remove());

const resolvers = [
  ["resolveInRootSync", async (root: string, p: string) => resolveInRootSync(root, p)],
  ["resolveInRoot", resolveInRoot],
] as const;

describe.each(resolvers)("%s: the root", (_name, resolve) => {
  test("a symlinked root is canonicalised first (it is trusted)", async () => {
    expect(await resolve(`${tree.tempDir}/rootlink`, "x/..")).toBe(`${tree.tempDir}/real`);
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
    const given = root === "" || root.startsWith("/") ? root : `${tree.tempDir}/${root}`;
    const error = await resolve(given, unsafePath).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResolveError);
    expect(error).toMatchObject({ code, root: given, path: unsafePath });
    expect((error as Error).message).toContain(code);
  });
});
