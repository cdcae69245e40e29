import { describe, expect, test } from "bun:test";
import { ResolveError } from "./ResolveError.ts";
import { type Found, MAX_SYMLINKS, Walk } from "./Walk.ts";

/** A scripted disk: host path -> "directory" | "other" | "missing" | a symlink target. */
type Disk = Readonly<Record<string, Found | { link: string }>>;

function run(disk: Disk, unsafePath: string, root = "/r"): { result: string; verdict: string } {
  const walk = new Walk(root, unsafePath, root);
  for (let host = walk.next(); host !== undefined; host = walk.next()) {
    const entry = disk[host] ?? "missing";
    if (typeof entry === "object") walk.follow(entry.link);
    else walk.found(entry);
  }
  return { result: walk.result(), verdict: walk.verdict };
}

describe("Walk", () => {
  test.each([
    ["host root /", {}, "a/../b", "/", { result: "/b", verdict: "ENOENT" }],
    [
      "host root / with a link",
      { "/l": { link: "../x" }, "/x": "directory" },
      "l",
      "/",
      { result: "/x", verdict: "ok" },
    ],
    [
      "kernel verdict of a file used as a directory",
      { "/r/f": "other" },
      "f/",
      "/r",
      { result: "/r/f", verdict: "ENOTDIR" },
    ],
    [
      "first failure wins",
      { "/r/f": "other" },
      "m/../f/x",
      "/r",
      { result: "/r/f/x", verdict: "ENOENT" },
    ],
    [
      "nothing is looked up below a missing entry",
      { "/r/m/l": { link: "/" } },
      "m/l/x",
      "/r",
      { result: "/r/m/l/x", verdict: "ENOENT" },
    ],
  ] as const)("%s", (_name, disk, unsafePath, root, expected) => {
    expect(run(disk as Disk, unsafePath, root)).toEqual(expected);
  });

  test("an empty symlink target is ENOENT, naming the link", () => {
    const error = (() => {
      try {
        run({ "/r/a": "directory", "/r/a/empty": { link: "" } }, "a/empty/x");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ResolveError);
    expect(error).toMatchObject({
      code: "ENOENT",
      errno: 2,
      errnoName: "ENOENT",
      component: "/r/a/empty",
      path: "a/empty/x",
      root: "/r",
    });
  });

  test("the link count is per lookup: MAX_SYMLINKS links pass, one more is ELOOP", () => {
    const disk: Record<string, { link: string }> = {};
    for (let i = 0; i <= MAX_SYMLINKS; i++)
      disk[`/r/l${i}`] = { link: i === MAX_SYMLINKS ? "/" : `l${i + 1}` };
    expect(run(disk, "l1").result).toBe("/r");
    expect(() => run(disk, "l0")).toThrow(ResolveError);
  });
});
