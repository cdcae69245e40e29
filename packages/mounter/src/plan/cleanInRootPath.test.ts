import { describe, expect, test } from "bun:test";
import { posix } from "node:path";
import { cleanInRootPath } from "./cleanInRootPath.ts";

const cases: ReadonlyArray<{ name: string; input: string; want: string }> = [
  { name: "absolute stays", input: "/proc", want: "/proc" },
  { name: "relative is taken from /", input: "srv/data", want: "/srv/data" },
  { name: "trailing slash dropped", input: "/a/b/", want: "/a/b" },
  { name: "dots folded", input: "/a/./b/../c", want: "/a/c" },
  { name: "dotdot clamps at root", input: "../../etc", want: "/etc" },
  { name: "root itself", input: "/", want: "/" },
  { name: "double slashes", input: "//a//b", want: "/a/b" },
  { name: "dotted names are names", input: "/.a/.../b..", want: "/.a/.../b.." },
  { name: "a trailing dot", input: "/a/.", want: "/a" },
  { name: "a trailing dotdot", input: "/a/b/..", want: "/a" },
];

describe("cleanInRootPath", () => {
  for (const c of cases) test(c.name, () => expect(cleanInRootPath(c.input)).toBe(c.want));
  test("the fast path for clean paths agrees with normalizing, on 5000 random paths", () => {
    const parts = ["a", "b", ".", "..", "", "...", ".x", "x.", " "];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const slow = (p: string) => posix.normalize(posix.join("/", p)).replace(/(.)\/$/, "$1");
    for (let i = 0; i < 5000; i++) {
      const path =
        (rand(2) ? "/" : "") +
        Array.from({ length: 1 + rand(5) }, () => parts[rand(parts.length)]).join("/");
      expect([path, cleanInRootPath(path)]).toEqual([path, slow(path)]);
    }
  });
});
