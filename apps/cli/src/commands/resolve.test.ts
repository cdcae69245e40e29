import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { removeTempDirs, tempDir } from "../bundleFixture.fixture.ts";
import { lines, runCli } from "../runCli.fixture.ts";

afterAll(removeTempDirs);

/** A root with hostile symlinks: to host dirs, to a sibling rootfs2, climbing with .., a loop. */
function hostileRoot(): string {
  const bundle = tempDir();
  const root = join(bundle, "rootfs");
  mkdirSync(join(root, "etc"), { recursive: true });
  mkdirSync(join(bundle, "rootfs2"));
  writeFileSync(join(root, "etc", "motd"), "hi\n");
  symlinkSync("/etc", join(root, "hostetc"));
  symlinkSync("../rootfs2", join(root, "sibling"));
  symlinkSync("../../../../..", join(root, "up"));
  symlinkSync("loop", join(root, "loop"));
  return root;
}

const ROWS: { name: string; path: string; inRoot: string }[] = [
  { name: "a plain path", path: "/etc/motd", inRoot: "/etc/motd" },
  { name: "a missing component is appended", path: "/etc/new/dir", inRoot: "/etc/new/dir" },
  { name: ".. cannot climb out", path: "../../../etc/passwd", inRoot: "/etc/passwd" },
  {
    name: "an absolute symlink to a host dir stays inside",
    path: "/hostetc/shadow",
    inRoot: "/etc/shadow",
  },
  { name: "a symlink to a sibling rootfs2 stays inside", path: "/sibling/x", inRoot: "/rootfs2/x" },
  { name: "a symlink climbing with .. stays inside", path: "/up/etc", inRoot: "/etc" },
];

describe("resolve prints one host path per line, inside the root", () => {
  const root = hostileRoot();
  for (const row of ROWS) {
    test(row.name, () => {
      const r = runCli(["resolve", "--root", root, row.path]);
      expect(r.stderr).toBe("");
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe(`${root}${row.inRoot}\n`);
    });
  }
});

test("many PATHs: one line each, in order", () => {
  const root = hostileRoot();
  const r = runCli(["resolve", "--root", root, ...ROWS.map((x) => x.path)]);
  expect(r.exitCode).toBe(0);
  expect(lines(r.stdout)).toEqual(ROWS.map((x) => `${root}${x.inRoot}`));
});

test("--json: resolved or error per PATH, exit 1 if any failed", () => {
  const root = hostileRoot();
  const r = runCli(["resolve", "--json", "--root", root, "/etc", "/loop/x", "/a"]);
  expect(r.exitCode).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect(doc.version).toBe(1);
  const out = doc.results;
  expect(out[0]).toEqual({ path: "/etc", resolved: `${root}/etc` });
  expect(out[1].path).toBe("/loop/x");
  expect(out[1].error.code).toBe("ELOOP");
  expect(typeof out[1].error.message).toBe("string");
  expect(out[2]).toEqual({ path: "/a", resolved: `${root}/a` });
});

test("a failure without --json prints only the error line", () => {
  const root = hostileRoot();
  const r = runCli(["resolve", "--root", root, "/etc", "/loop/x"]);
  expect(r.exitCode).toBe(1);
  expect(r.stdout).toBe("");
  const err = lines(r.stderr);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(
    /^ocimount: resolve: cannot resolve \(\/loop\/x .*\): ELOOP \(errno 40, Too many levels of symbolic links\)$/,
  );
});

test("a missing or non-directory root is an error naming it", () => {
  const dir = tempDir();
  writeFileSync(join(dir, "f"), "");
  for (const [root, code] of [
    [join(dir, "nope"), "ENOENT"],
    [join(dir, "f"), "ENOTDIR"],
  ] as const) {
    const r = runCli(["resolve", "--root", root, "/a"]);
    expect(r.exitCode).toBe(1);
    expect(lines(r.stderr)[0]).toContain(`(${root}): ${code} (`);
  }
});
