import { afterAll, describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { AT_FDCWD, O_CLOEXEC, O_DIRECTORY, O_NOFOLLOW, O_PATH } from "@ocimount/mount-flags/linux";
import { resolveInRootSync } from "@ocimount/symlink-resolver";
import { directory, file, link, makeTree } from "@ocimount/test-utils";
import { createSyscalls } from "../sys/ffi.ts";
import { SyscallError } from "../sys/SyscallError.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { InRootError } from "./InRootError.ts";
import { openInRoot } from "./openInRoot.ts";

const sys = createSyscalls();
// n00 -> n01 -> ... -> n40 -> etc: n01 takes exactly 40 links, n00 takes 41.
const chain = Object.fromEntries(
  Array.from({ length: 41 }, (_, i) => {
    const next = i === 40 ? "etc" : `n${String(i + 1).padStart(2, "0")}`;
    return [`n${String(i).padStart(2, "0")}`, link(next)];
  }),
);
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
    "a/b/c/parent": link(".."),
    "a/b/c/root": link("/"),
    "a/slash": link("b/"),
    self: link("self"),
    loop1: link("loop2"),
    loop2: link("loop1"),
    chain1: link("chain2"),
    chain2: link("a/rel"),
    dotdot: link(".."),
    "../rootfs2": directory,
    "../rootfs2/etc": directory,
    sibling: link("../rootfs2"),
    siblingdeep: link("a/b/../../../rootfs2/etc"),
    proc: link("/proc/self/root"),
    ...chain,
  },
  { root: "rootfs" },
);
const rootFd = sys.openat(AT_FDCWD, tree.root, O_PATH | O_DIRECTORY);
afterAll(() => {
  sys.close(rootFd);
  tree.remove();
});

/** [name, unsafePath, in-root answer or "ECODE at /component", extra flags]. */
type Row = readonly [name: string, unsafePath: string, expected: string, flags?: number];

const rows: readonly Row[] = [
  ["empty path is the root", "", "/"],
  ["slash is the root", "/", "/"],
  ["dot is the root", ".", "/"],
  ["plain directory", "/etc", "/etc"],
  ["plain file", "etc/passwd", "/etc/passwd"],
  ["dots and doubled slashes", ".//a/./b//c/.", "/a/b/c"],
  ["trailing slash on a directory", "a/b/", "/a/b"],
  ["trailing slash on a file", "etc/passwd/", "ENOTDIR at /etc/passwd"],
  ["dot under a file", "etc/passwd/.", "ENOTDIR at /etc/passwd"],
  ["component under a file", "a/f/x", "ENOTDIR at /a/f"],
  ["dot-dot at the root stays", "../../..", "/"],
  ["dot-dot escape", "../../etc/passwd", "/etc/passwd"],
  ["dot-dot inside", "a/b/../f", "/a/f"],
  ["absolute link restarts at the root", "a/abs/passwd", "/etc/passwd"],
  ["relative link from its directory", "a/rel", "/a/b/c"],
  ["relative link up", "a/up/passwd", "/etc/passwd"],
  ["relative link escaping is clamped", "a/escape", "/etc"],
  ["absolute link escaping is clamped", "a/absescape", "/etc"],
  ["link to a file", "a/tofile", "/a/f"],
  ["absolute link to a file", "a/abstofile", "/etc/passwd"],
  ["dot-dot after a link is physical", "a/rel/..", "/a/b"],
  ["link to dot-dot then dot-dot", "a/b/c/parent/..", "/a"],
  ["link to the root", "a/b/c/root/etc", "/etc"],
  ["link with a trailing slash", "a/slash", "/a/b"],
  ["chained links", "chain1", "/a/b/c"],
  ["dotdot link at the root", "dotdot/dotdot/etc", "/etc"],
  ["sibling root is not reachable", "sibling", "ENOENT at /rootfs2"],
  ["sibling by a deep escape", "siblingdeep", "ENOENT at /rootfs2"],
  ["missing component", "a/nope", "ENOENT at /a/nope"],
  ["missing under missing", "nope/x/y", "ENOENT at /nope"],
  ["dangling link", "a/dangling", "ENOENT at /a/nope"],
  ["self loop", "self", "ELOOP at /self"],
  ["two-link loop", "loop1/x", "ELOOP at /loop1"],
  ["40 links are fine", "n01/passwd", "/etc/passwd"],
  ["the 41st link is ELOOP", "n00", "ELOOP at /n40"],
  ["a link through itself loops", "proc", "ELOOP at /proc"],
  ["O_NOFOLLOW keeps a trailing link", "a/abs", "/a/abs", O_NOFOLLOW],
  ["O_NOFOLLOW follows inner links", "a/rel/parent", "/a/b/c/parent", O_NOFOLLOW],
  ["O_NOFOLLOW with a trailing slash follows", "a/abs/", "/etc", O_NOFOLLOW],
  ["O_DIRECTORY on a directory", "a/rel", "/a/b/c", O_DIRECTORY],
  ["O_DIRECTORY on a file", "a/tofile", "ENOTDIR at /a/f", O_DIRECTORY],
  ["other flags are refused", "a", "EINVAL", 1],
];

/** The fdinfo flags of an fd, for O_PATH and O_CLOEXEC. */
function fdFlags(fd: number): number {
  const line = readFileSync(`/proc/self/fdinfo/${fd}`, "utf8").match(/^flags:\s+([0-7]+)/m);
  return Number.parseInt(line?.[1] ?? "0", 8);
}

/** What openInRoot answers: the in-root path of the fd, or "CODE at component". */
function answer(unsafePath: string, flags: number | undefined, forceFallback: boolean): string {
  try {
    const fd = openInRoot(sys, rootFd, unsafePath, { forceFallback, flags });
    try {
      const path = sys.fdPath(fd);
      expect(fdFlags(fd) & (O_PATH | O_CLOEXEC)).toBe(O_PATH | O_CLOEXEC);
      expect(path === tree.root || path.startsWith(`${tree.root}/`)).toBe(true);
      if (!(flags ?? 0)) expect(path).toBe(resolveInRootSync(tree.root, unsafePath));
      return path === tree.root ? "/" : path.slice(tree.root.length);
    } finally {
      sys.close(fd);
    }
  } catch (error) {
    if (!(error instanceof InRootError)) throw error;
    expect(error.path).toBe(unsafePath);
    return error.component === undefined ? error.code : `${error.code} at ${error.component}`;
  }
}

for (const mode of ["openat2", "fallback"] as const) {
  describe(`openInRoot (${mode})`, () => {
    // One argument per row: bun takes a callback's 4th parameter for a done callback.
    test.each(rows.map((row) => [row[0], row] as const))("%s", (_name, row) => {
      const [, unsafePath, expected, flags] = row;
      expect(answer(unsafePath, flags, mode === "fallback")).toBe(expected);
    });
  });
}

test("no fd is left open by failures or successes", () => {
  const before = new Set(readdirSync("/proc/self/fd"));
  for (const [, unsafePath, , flags] of rows) {
    for (const forceFallback of [false, true]) {
      try {
        sys.close(openInRoot(sys, rootFd, unsafePath, { forceFallback, flags }));
      } catch {}
    }
  }
  expect(new Set(readdirSync("/proc/self/fd"))).toEqual(before);
});

test("a kernel without openat2 (ENOSYS) gets the walk, and is asked only once", () => {
  let asked = 0;
  const old: Syscalls = {
    ...sys,
    openat2: () => {
      asked++;
      throw new SyscallError("openat2", 38);
    },
  };
  for (const unsafePath of ["a/rel", "a/escape", "a/abstofile"]) {
    const fd = openInRoot(old, rootFd, unsafePath);
    expect(sys.fdPath(fd)).toBe(resolveInRootSync(tree.root, unsafePath));
    sys.close(fd);
  }
  expect(asked).toBe(1);
});
