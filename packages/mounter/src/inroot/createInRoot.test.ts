import { afterEach, describe, expect, test } from "bun:test";
import { readFileSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import {
  AT_FDCWD,
  O_CLOEXEC,
  O_DIRECTORY,
  O_PATH,
  S_IFDIR,
  S_IFMT,
  S_IFREG,
} from "@ocimount/mount-flags/linux";
import { resolveInRootSync } from "@ocimount/symlink-resolver";
import { directory, file, link, makeTree, type Tree } from "@ocimount/test-utils";
import { createSyscalls } from "../sys/ffi.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { createFileInRoot } from "./createFileInRoot.ts";
import { InRootError } from "./InRootError.ts";
import { mkdirAllInRoot } from "./mkdirAllInRoot.ts";

const sys = createSyscalls();

/** The string resolver's answer for the path, or its error code (ELOOP). */
function plan(root: string, unsafePath: string): string {
  try {
    return resolveInRootSync(root, unsafePath);
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
}
const SPEC = {
  a: directory,
  "a/b": directory,
  "a/f": file(),
  "a/dangling": link("../made/by/link"),
  "a/abs": link("/x/y"),
  "a/escape": link("../../../../esc"),
  "a/tofile": link("f"),
  "a/todir": link("b"),
  "a/slashed": link("newdir/"),
  loop: link("loop"),
};

let tree: Tree | undefined;
afterEach(() => tree?.remove());

type Create = typeof mkdirAllInRoot;
/** [name, unsafePath, "in-root answer" or "ECODE at /component", created]. */
type Row = readonly [
  name: string,
  unsafePath: string,
  expected: string,
  created: readonly string[],
];

/** Runs one creation on a fresh tree; the answer, created list and the file type made. */
function run(create: Create, unsafePath: string, forceFallback: boolean, s: Syscalls = sys) {
  tree = makeTree(SPEC, { root: "rootfs" });
  const planned = plan(tree.root, unsafePath);
  const rootFd = s.openat(AT_FDCWD, tree.root, O_PATH | O_DIRECTORY);
  try {
    const { fd, created } = create(s, rootFd, unsafePath, 0o755, { forceFallback });
    const path = sys.fdPath(fd);
    const flags = readFileSync(`/proc/self/fdinfo/${fd}`, "utf8").match(/^flags:\s+([0-7]+)/m);
    expect(Number.parseInt(flags?.[1] ?? "0", 8) & (O_PATH | O_CLOEXEC)).toBe(O_PATH | O_CLOEXEC);
    const type = s.statx(fd, "", 0x1000).mode & S_IFMT;
    s.close(fd);
    expect(path).toBe(planned); // created where the string resolver said it would be
    return { answer: path.slice(tree.root.length) || "/", created, type };
  } catch (error) {
    if (!(error instanceof InRootError)) throw error;
    return { answer: `${error.code} at ${error.component}`, created: error.created, type: 0 };
  } finally {
    s.close(rootFd);
  }
}

const dirRows: readonly Row[] = [
  ["existing directory", "a/b", "/a/b", []],
  ["new chain", "a/b/c/d", "/a/b/c/d", ["/a/b/c", "/a/b/c/d"]],
  ["trailing slash", "a/new/", "/a/new", ["/a/new"]],
  ["dot-dot clamps at the root", "../../new", "/new", ["/new"]],
  ["dot-dot after a new directory", "new/../other", "/other", ["/new", "/other"]],
  [
    "through a dangling link",
    "a/dangling/x",
    "/made/by/link/x",
    ["/made", "/made/by", "/made/by/link", "/made/by/link/x"],
  ],
  ["a dangling link last", "a/dangling", "/made/by/link", ["/made", "/made/by", "/made/by/link"]],
  ["absolute dangling link", "a/abs/z", "/x/y/z", ["/x", "/x/y", "/x/y/z"]],
  ["escaping dangling link", "a/escape/q", "/esc/q", ["/esc", "/esc/q"]],
  ["link to a directory", "a/todir/n", "/a/b/n", ["/a/b/n"]],
  ["a file in the way", "a/f/x", "ENOTDIR at /a/f", []],
  ["a file last", "a/f", "ENOTDIR at /a/f", []],
  ["a link to a file last", "a/tofile", "ENOTDIR at /a/f", []],
  ["created, then a file in the way", "n/../a/f/x", "ENOTDIR at /a/f", ["/n"]],
  ["a loop", "loop/x", "ELOOP at /loop", []],
];

const fileRows: readonly Row[] = [
  ["existing file", "a/f", "/a/f", []],
  ["existing file by a link", "a/tofile", "/a/f", []],
  ["new file", "a/b/new", "/a/b/new", ["/a/b/new"]],
  ["new file with parents", "p/q/file", "/p/q/file", ["/p", "/p/q", "/p/q/file"]],
  ["a dangling link last", "a/dangling", "/made/by/link", ["/made", "/made/by", "/made/by/link"]],
  ["escaping dangling link", "a/escape", "/esc", ["/esc"]],
  ["a directory", "a/b", "EISDIR at /a/b", []],
  ["the root", "/", "EISDIR at /", []],
  ["a new name with a trailing slash", "a/newfile/", "EISDIR at /a/newfile", []],
  ["a link to a new name with a trailing slash", "a/slashed", "EISDIR at /a/newdir", []],
  ["a file in the way", "a/f/x", "ENOTDIR at /a/f", []],
  ["a loop", "loop", "ELOOP at /loop", []],
];

for (const [label, create, rows, madeType] of [
  ["mkdirAllInRoot", mkdirAllInRoot, dirRows, S_IFDIR],
  ["createFileInRoot", createFileInRoot, fileRows, S_IFREG],
] as const) {
  for (const forceFallback of [false, true]) {
    describe(`${label} (${forceFallback ? "fallback" : "openat2"})`, () => {
      test.each(rows.map((row) => [row[0], row] as const))("%s", (_name, row) => {
        const [, unsafePath, expected, created] = row;
        const result = run(create, unsafePath, forceFallback);
        expect(result.answer).toBe(expected);
        expect(result.created).toEqual(created);
        if (!expected.startsWith("E")) expect(result.type).toBe(madeType);
      });
    });
  }
}

test("new directories get the mode asked for (less the umask)", () => {
  const r = run(mkdirAllInRoot, "m/n", true);
  expect(r.created).toEqual(["/m", "/m/n"]);
  const umask = process.umask();
  expect(statSync(join(tree!.root, "m/n")).mode & 0o777).toBe(0o755 & ~umask);
});

describe("racing creators", () => {
  /** `sys` with a racer acting just before each mkdirat / O_CREAT openat. */
  function racing(race: (dirFd: number, name: string) => void): Syscalls {
    return {
      ...sys,
      mkdirat(dirFd, name, mode) {
        race(dirFd, name);
        sys.mkdirat(dirFd, name, mode);
      },
      openat(dirFd, name, flags, mode) {
        if (flags & 0o100) race(dirFd, name);
        return sys.openat(dirFd, name, flags, mode);
      },
    };
  }
  const racerMkdir = racing((dirFd, name) => sys.mkdirat(dirFd, name, 0o700));
  const racerLink = racing((dirFd, name) => symlinkSync("/", join(sys.fdPath(dirFd), name)));

  test("a directory made first by a racer is used, not reported as created", () => {
    expect(run(mkdirAllInRoot, "a/b/c/d", true, racerMkdir)).toMatchObject({
      answer: "/a/b/c/d",
      created: [],
    });
  });
  test("a symlink put first by a racer is never followed (mkdir)", () => {
    expect(run(mkdirAllInRoot, "a/b/c", true, racerLink)).toMatchObject({
      answer: "EEXIST at /a/b/c",
    });
  });
  test("a symlink put first by a racer is never followed (file)", () => {
    expect(run(createFileInRoot, "a/b/file", true, racerLink)).toMatchObject({
      answer: "EEXIST at /a/b/file",
    });
  });
  test("a directory put first by a racer is not a file mountpoint", () => {
    expect(run(createFileInRoot, "a/b/file", true, racerMkdir)).toMatchObject({
      answer: "EEXIST at /a/b/file",
    });
  });
});
