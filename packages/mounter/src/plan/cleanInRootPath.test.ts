import { describe, expect, test } from "bun:test";
import { cleanInRootPath } from "./cleanInRootPath.ts";

const cases: ReadonlyArray<{ name: string; input: string; want: string }> = [
  { name: "absolute stays", input: "/proc", want: "/proc" },
  { name: "relative is taken from /", input: "srv/data", want: "/srv/data" },
  { name: "trailing slash dropped", input: "/a/b/", want: "/a/b" },
  { name: "dots folded", input: "/a/./b/../c", want: "/a/c" },
  { name: "dotdot clamps at root", input: "../../etc", want: "/etc" },
  { name: "root itself", input: "/", want: "/" },
  { name: "double slashes", input: "//a//b", want: "/a/b" },
];

describe("cleanInRootPath", () => {
  for (const c of cases) test(c.name, () => expect(cleanInRootPath(c.input)).toBe(c.want));
});
