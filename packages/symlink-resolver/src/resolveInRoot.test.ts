import { afterAll, describe, expect, test } from "bun:test";
import { directory, file, link, makeTree } from "@ocimount/test-utils";
import { isInsideRoot, ResolveError, resolveInRoot, resolveInRootSync } from "./index.ts";
import { buildOracle, Oracle, removeOracle } from "./testdata/oracle.fixture.ts";

// A chain n00 -> n01 -> ... -> n40 -> etc: n01 takes exactly 40 links, n00 takes 41.
const chain = Object.fromEntries(
  Array.from({ length: 41 }, (_, i) => {
    const next = i === 40 ? "etc" : `n${String(i + 1).padStart(2, "0")}`;
    return [`n${String(i).padStart(2, "0")}`, link(next)];
  }),
);
const deep = `deep/${Array.from({ length: 30 }, (_, j) => `d${j}`).join("/")}`;

const tree = makeTree(
  {
    etc: directory,
    "etc/passwd": file(),
    a: directory,
    "a/b": directory,
    "a/b/c": directory,
    "a/f": file(),
    "a/abs": link("/etc"),
    "a/rel": link("b/c"),
    "a/up": link("../etc"),
    "a/escape": link("../../../../etc"),
    "a/absescape": link("/../../../etc"),
    "a/tofile": link("f"),
    "a/abstofile": link("/etc/passwd"),
    "a/dangling": link("nope/deeper"),
    "a/danglingabs": link("/nowhere"),
    "a/b/c/parent": link(".."),
    "a/b/c/root": link("/"),
    "a/slash": link("b/"),
    self: link("self"),
    loop1: link("loop2"),
    loop2: link("loop1"),
    chain1: link("chain2"),
    chain2: link("a/rel"),
    dot: link("."),
    dotdot: link(".."),
    linkdir: link("a/b"),
    "../rootfs2": directory,
    "../rootfs2/etc": directory,
    sibling: link("../rootfs2"),
    siblingabs: link("/../rootfs2/etc"),
    siblingdeep: link("a/b/../../../rootfs2"),
    ...chain,
    [deep]: directory,
    "deep/up30": link(`${"../".repeat(30)}etc`),
  },
  { root: "rootfs" },
);
const oracleBinary = buildOracle();
const kernel =
  oracleBinary === undefined ? undefined : new Oracle(oracleBinary, "openat2", tree.root);
afterAll(async () => {
  await kernel?.close();
  removeOracle();
  tree.remove();
});

type Row = readonly [name: string, unsafePath: string, expected: string, kernel?: string];

/**
 * Expected answers are in-root paths; a row whose answer starts with `E` expects that error. The
 * kernel (openat2 RESOLVE_IN_ROOT) must give the same answer, or the errno in the last column
 * where the string resolver deliberately carries on (missing components, non-directories).
 */
const rows: readonly Row[] = [
  ["empty path is the root", "", "/", "ENOENT"],
  ["slash is the root", "/", "/"],
  ["dot is the root", ".", "/"],
  ["plain directory", "/etc", "/etc"],
  ["plain file", "etc/passwd", "/etc/passwd"],
  ["relative and absolute agree", "a/b/c", "/a/b/c"],
  ["dot components", "./a/./b/.", "/a/b"],
  ["doubled slashes", "//a///b//", "/a/b"],
  ["trailing slash on a directory", "a/b/", "/a/b"],
  ["trailing slash on a file", "etc/passwd/", "/etc/passwd", "ENOTDIR"],
  ["dot under a file", "etc/passwd/.", "/etc/passwd", "ENOTDIR"],
  ["dotdot escape stays at root", "../../../etc", "/etc"],
  ["dotdot at root repeated", "/../..", "/"],
  ["dotdot inside", "a/b/../b/c/..", "/a/b"],
  ["absolute link restarts at root", "a/abs", "/etc"],
  ["absolute link then more", "a/abs/passwd", "/etc/passwd"],
  ["relative link from its directory", "a/rel", "/a/b/c"],
  ["relative link up", "a/up/passwd", "/etc/passwd"],
  ["relative link escaping is clamped", "a/escape", "/etc"],
  ["absolute link escaping is clamped", "a/absescape", "/etc"],
  ["dotdot after a link is the target's parent", "a/rel/..", "/a/b"],
  ["dotdot after an absolute link", "a/abs/..", "/"],
  ["link to dotdot", "a/b/c/parent", "/a/b"],
  ["link to dotdot then dotdot", "a/b/c/parent/..", "/a"],
  ["link to root", "a/b/c/root/etc", "/etc"],
  ["link to root then dotdot", "a/b/c/root/..", "/"],
  ["link with trailing slash", "a/slash", "/a/b"],
  ["link to dot", "dot/dot/a", "/a"],
  ["link to dotdot at root", "dotdot/dotdot/etc", "/etc"],
  ["chain of links", "chain1", "/a/b/c"],
  ["chain of links then dotdot", "chain1/../..", "/a"],
  ["link to a file", "a/tofile", "/a/f"],
  ["absolute link to a file", "a/abstofile", "/etc/passwd"],
  ["child of a link to a file", "a/tofile/x", "/a/f/x", "ENOTDIR"],
  ["dotdot under a file", "a/tofile/..", "/a", "ENOTDIR"],
  ["missing component appended", "a/missing", "/a/missing", "ENOENT"],
  ["missing chain appended", "a/m1/m2/m3", "/a/m1/m2/m3", "ENOENT"],
  ["missing then dotdot pops it", "a/m1/../b", "/a/b", "ENOENT"],
  ["missing then dotdot then a link", "m1/../a/rel", "/a/b/c", "ENOENT"],
  ["dangling relative link", "a/dangling", "/a/nope/deeper", "ENOENT"],
  ["dangling link then more", "a/dangling/x/..", "/a/nope/deeper", "ENOENT"],
  ["dangling absolute link", "a/danglingabs", "/nowhere", "ENOENT"],
  ["prefix sibling via relative link", "sibling", "/rootfs2", "ENOENT"],
  ["prefix sibling via absolute link", "siblingabs", "/rootfs2/etc", "ENOENT"],
  ["prefix sibling via dotdot path", "siblingdeep/etc", "/rootfs2/etc", "ENOENT"],
  ["prefix sibling via plain path", "../rootfs2/etc", "/rootfs2/etc", "ENOENT"],
  ["self loop", "self", "ELOOP"],
  ["two-link loop", "loop1/x", "ELOOP"],
  ["loop not followed when popped", "a/b/../../a", "/a"],
  ["exactly 40 links", "n01", "/etc"],
  ["41 links", "n00", "ELOOP"],
  ["40 links then dotdot", "n01/..", "/"],
  [
    "deep nesting",
    `deep/${Array.from({ length: 30 }, (_, j) => `d${j}`).join("/")}`,
    `/deep/${Array.from({ length: 30 }, (_, j) => `d${j}`).join("/")}`,
  ],
  ["deep link escaping", "deep/up30/passwd", "/etc/passwd"],
  ["link in the middle of a path", "linkdir/c/../c", "/a/b/c"],
];

function hostPath(inRoot: string): string {
  return inRoot === "/" ? tree.root : tree.root + inRoot;
}

describe.each([
  ["resolveInRootSync", async (root: string, p: string) => resolveInRootSync(root, p)],
  ["resolveInRoot", resolveInRoot],
] as const)("%s", (_name, resolve) => {
  test.each(rows)("%s: %j -> %s", async (_row, unsafePath, expected) => {
    if (expected.startsWith("E")) {
      const error = await resolve(tree.root, unsafePath).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ResolveError);
      expect((error as ResolveError).code).toBe(expected as ResolveError["code"]);
    } else {
      const answer = await resolve(tree.root, unsafePath);
      expect(answer).toBe(hostPath(expected));
      expect(isInsideRoot(tree.root, answer)).toBe(true);
    }
  });
});

describe.skipIf(kernel === undefined)(
  kernel === undefined
    ? "the kernel agrees: SKIPPED, the C oracle did not build"
    : "the kernel agrees",
  () => {
    // A rest parameter: with a 4th named parameter bun:test would pass `done` to 3-column rows.
    test.each(rows)("%s: %j", async (...row) => {
      const [, unsafePath, expected, kernelSays] = row as unknown as Row;
      const [answer] = await kernel!.ask([unsafePath]);
      const want = kernelSays ?? (expected.startsWith("E") ? expected : hostPath(expected));
      expect(answer!.ok ? answer!.path : answer!.errno).toBe(want);
    });
  },
);
