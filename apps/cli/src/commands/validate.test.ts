import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { removeTempDirs, tempDir, validConfig, writeBundle } from "../bundleFixture.fixture.ts";
import { BIN, lines, removeReadableCli, runCli } from "../runCli.fixture.ts";

afterAll(removeTempDirs);
afterAll(removeReadableCli);

/** Root reads any file whatever its mode, so the unreadable-file rows drop to nobody. */
const isRoot = process.getuid?.() === 0;

test("a valid bundle directory is valid, exit 0", () => {
  const dir = writeBundle(validConfig());
  const r = runCli(["validate", dir]);
  expect(r.stderr).toBe("");
  expect(r.exitCode).toBe(0);
  expect(r.stdout.trim()).toBe(`${dir}: valid`);
});

test("--json: one object per PATH, in order; exit 1 if any is invalid", () => {
  const good = writeBundle(validConfig());
  const bad = writeBundle({ ...validConfig(), mounts: [{ destination: 5 }, { type: "bind" }] });
  const r = runCli(["validate", "--json", good, join(bad, "config.json"), good]);
  expect(r.exitCode).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect(doc.version).toBe(1);
  const out = doc.results;
  expect(out.map((o: { path: string; valid: boolean }) => [o.path, o.valid])).toEqual([
    [good, true],
    [join(bad, "config.json"), false],
    [good, true],
  ]);
  const paths = out[1].issues.map((i: { path: string }) => i.path);
  expect(paths).toContain("/mounts/0/destination");
  expect(paths).toContain("/mounts/1/destination");
  for (const i of out[1].issues) expect(i.message).not.toStartWith("/");
});

test("every issue is listed under its document", () => {
  const bad = writeBundle({ ociVersion: 1, root: { path: 2 }, mounts: [{ destination: 3 }] });
  const r = runCli(["validate", bad]);
  expect(r.exitCode).toBe(1);
  const out = lines(r.stdout);
  expect(out[0]).toBe(`${bad}: invalid`);
  expect(out.filter((l) => l.startsWith("  /"))).toHaveLength(3);
});

test("warnings never change the verdict", () => {
  const config = validConfig();
  config.mounts = [
    { destination: "/srv", type: "bind", source: "shared", options: ["bind", "mode=755"] },
  ];
  const r = runCli(["validate", "--json", writeBundle(config)]);
  expect(r.exitCode).toBe(0);
  const [doc] = JSON.parse(r.stdout).results;
  expect(doc.valid).toBe(true);
  expect(doc.warnings.length).toBeGreaterThan(0);
  expect(doc.warnings[0].path).toBe("/mounts/0/options");
});

test("- reads stdin", () => {
  const r = runCli(["validate", "-"], { stdin: JSON.stringify(validConfig()) });
  expect(r.exitCode).toBe(0);
  expect(r.stdout.trim()).toBe("(stdin): valid");
});

test("--kind state validates a state document", () => {
  const state = { ociVersion: "1.3.0", id: "c1", status: "running", pid: 42, bundle: "/b" };
  expect(
    runCli(["validate", "--kind", "state", "-"], { stdin: JSON.stringify(state) }).exitCode,
  ).toBe(0);
  const r = runCli(["validate", "--kind", "state", "--json", "-"], {
    stdin: JSON.stringify({ ...state, status: "paused" }),
  });
  expect(r.exitCode).toBe(1);
  expect(JSON.parse(r.stdout).results[0].issues[0].path).toBe("/status");
});

test("--kind mounts checks the hook's mounts document as ocimount hook does, with pointers into it", () => {
  const tmpfs = { destination: "/t", type: "tmpfs", source: "tmpfs" };
  const good = { mounts: [tmpfs], maskedPaths: ["/etc/shadow"] };
  expect(
    runCli(["validate", "--kind", "mounts", "-"], { stdin: JSON.stringify(good) }).stdout.trim(),
  ).toBe("(stdin): valid");
  const r = runCli(["validate", "--kind", "mounts", "--json", "-"], {
    stdin: JSON.stringify([tmpfs, { destination: "/x", type: "bind" }]),
  });
  expect(r.exitCode).toBe(1);
  expect(JSON.parse(r.stdout).results[0].issues).toMatchObject([
    { path: "/1/source", message: "a bind mount needs a source" },
  ]);
});

test("--kind mounts takes a file, never a bundle's config.json", () => {
  const r = runCli(["validate", "--kind", "mounts", tempDir()]);
  expect(r.exitCode).toBe(1);
  expect(r.stderr).toContain("ENOTREG");
});

interface BadInput {
  name: string;
  /** Makes the PATH to validate in a fresh directory. */
  make: (dir: string) => string;
  code: string;
  /**
   * Runs so that file permissions apply to it: as nobody when the test is root, as this very
   * user otherwise (its own mode-000 file is unreadable to it, and nobody is out of its reach).
   */
  asNobody?: boolean;
}

/** Writes `text` to `dir/name` and returns the file's path. */
function file(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/** Runs `make` on `dir/config.json` and returns `dir` (the bundle to validate). */
function bundleWith(dir: string, make: (configPath: string) => unknown): string {
  make(join(dir, "config.json"));
  return dir;
}

const BAD_INPUTS: BadInput[] = [
  { name: "missing file", make: (d) => join(d, "nope.json"), code: "ENOENT" },
  { name: "directory without config.json", make: (d) => d, code: "ENOENT" },
  {
    name: "config.json is a directory",
    make: (d) => bundleWith(d, (c) => mkdirSync(c)),
    code: "ENOTREG",
  },
  {
    name: "config.json is a FIFO (must not hang)",
    make: (d) => bundleWith(d, (c) => Bun.spawnSync(["mkfifo", c])),
    code: "ENOTREG",
  },
  {
    name: "config.json is a symlink to /dev/zero",
    make: (d) => bundleWith(d, (c) => symlinkSync("/dev/zero", c)),
    code: "ENOTREG",
  },
  { name: "/dev/zero itself", make: () => "/dev/zero", code: "ENOTREG" },
  {
    name: "invalid JSON",
    make: (d) => file(d, "c.json", '{"ociVersion": "1.3.0",\n  "root": }'),
    code: "EJSON",
  },
  {
    name: "1e6-deep nesting",
    make: (d) => file(d, "c.json", `${"[".repeat(1e6)}${"]".repeat(1e6)}`),
    code: "EDEPTH",
  },
  {
    name: "unreadable config.json",
    make: (d) => {
      chmodSync(file(d, "config.json", "{}"), 0o000);
      chmodSync(d, 0o755);
      return d;
    },
    code: "EACCES",
    asNobody: true,
  },
];

describe("bad documents: exit 1, one line on stderr naming the place and the errno", () => {
  for (const row of BAD_INPUTS) {
    test(row.name, () => {
      const path = row.make(tempDir());
      const r = runCli(["validate", path], { asNobody: row.asNobody === true && isRoot });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      const err = lines(r.stderr);
      expect(err).toHaveLength(1);
      expect(err[0]).toStartWith("ocimount: validate: ");
      expect(err[0]).toContain(`: ${row.code} (`);
      expect(err[0]).toContain(path === "/dev/zero" ? "/dev/zero" : path);
    });
  }
});

test("stdin from /dev/zero is refused at the size cap, not read forever", () => {
  const r = Bun.spawnSync(["timeout", "20", "sh", "-c", `bun ${BIN} validate - < /dev/zero`], {
    stdout: "pipe",
    stderr: "pipe",
  });
  expect(r.exitCode).toBe(1);
  expect(lines(r.stderr.toString())).toEqual([
    "ocimount: validate: stdin too large (-): EFBIG (more than 16777216 bytes)",
  ]);
});

test("stdin that is not UTF-8 is refused", () => {
  const r = Bun.spawnSync(["sh", "-c", `printf '\\377' | bun ${BIN} validate -`], {
    stderr: "pipe",
  });
  expect(r.exitCode).toBe(1);
  expect(r.stderr.toString()).toContain("(-): EENCODING (");
});
