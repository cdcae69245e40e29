import { afterAll, describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { removeTempDirs, tempDir, writeBundle } from "../bundleFixture.fixture.ts";
import { BIN, lines, runCli } from "../runCli.fixture.ts";

afterAll(removeTempDirs);

/** A pid that no process has (a shell that already exited). */
function deadPid(): number {
  return Number(Bun.spawnSync(["sh", "-c", "echo $$"]).stdout.toString().trim());
}

function state(fields: Record<string, unknown>): string {
  return JSON.stringify({ ociVersion: "1.0.2", id: "c1", status: "creating", ...fields });
}

interface Bad {
  name: string;
  stdin: () => string;
  args?: () => string[];
  /** The whole error line, or its start. */
  line: RegExp;
}

const bundle = () => writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" } });

const BAD: Bad[] = [
  {
    name: "stdin is not JSON",
    stdin: () => "hello",
    line: /^ocimount: hook: read state failed \(stdin:1:1\): EJSON \(not JSON: /,
  },
  {
    name: "stdin is empty",
    stdin: () => "",
    line: /^ocimount: hook: read state failed \(stdin:1:1\): EJSON \(not JSON: /,
  },
  {
    name: "the state has no pid",
    stdin: () => state({ bundle: bundle() }),
    line: /^ocimount: hook: read state failed \(stdin\): ENOPID \(the state has no pid: run ocimount as a createRuntime or createContainer hook\)\n$/,
  },
  {
    name: "the state is not a state",
    stdin: () => state({ status: "up", pid: process.pid, bundle: "/b" }),
    line: /^ocimount: hook: read state failed \(stdin \/status\): EINVALID \(/,
  },
  {
    name: "the container's process is gone",
    stdin: () => state({ pid: deadPid(), bundle: bundle() }),
    line: /^ocimount: hook: find container failed \(\/proc\/\d+\): ESRCH \(process \d+ is gone/,
  },
  {
    name: "the bundle has no config.json",
    stdin: () => state({ pid: process.pid, bundle: tempDir() }),
    line: /^ocimount: hook: .*config\.json.*: ENOENT/,
  },
  {
    name: "the mounts file is missing",
    stdin: () => state({ pid: process.pid, bundle: bundle() }),
    args: () => ["--mounts", "/nonexistent/mounts.json"],
    line: /^ocimount: hook: .*\/nonexistent\/mounts\.json.*: ENOENT/,
  },
  {
    name: "the mounts file is not JSON",
    stdin: () => state({ pid: process.pid, bundle: bundle() }),
    args: () => {
      const f = join(tempDir(), "m.json");
      writeFileSync(f, "[{]");
      return ["--mounts", f];
    },
    line: /^ocimount: hook: invalid JSON \(.*m\.json:1:3\): EJSON/,
  },
  {
    name: "the mounts are invalid",
    stdin: () => state({ pid: process.pid, bundle: bundle() }),
    args: () => {
      const f = join(tempDir(), "m.json");
      writeFileSync(f, JSON.stringify([{ destination: "/x", type: "bind" }]));
      return ["--mounts", f];
    },
    line: /^ocimount: hook: read mounts failed \(.*m\.json \/0\/source\): EINVALID \(a bind mount needs a source\)\n$/,
  },
  {
    name: "the annotation is not JSON",
    stdin: () => {
      const dir = writeBundle({
        ociVersion: "1.3.0",
        root: { path: "rootfs" },
        annotations: { "org.ocimount.mounts": "[oops" },
      });
      return state({ pid: process.pid, bundle: dir });
    },
    line: /^ocimount: hook: read mounts failed \(annotation org\.ocimount\.mounts:1:2\): EJSON \(not JSON: /,
  },
];

describe("ocimount hook refuses bad input: exit 1, one line on stderr, nothing on stdout", () => {
  test.each(BAD)("$name", ({ stdin, args, line }) => {
    const r = runCli(["hook", ...(args?.() ?? [])], { stdin: stdin() });
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(line);
    expect(r.exitCode).toBe(1);
  });
});

test("no mounts asked for (no --mounts, no annotation): nothing to do, exit 0", () => {
  const r = runCli(["hook"], { stdin: state({ pid: process.pid, bundle: bundle() }) });
  expect(r.stderr).toBe("");
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toMatch(/^c1: 0 mounts in \/.*\/rootfs\n$/);
});

test("--json errors are an object on stdout too", () => {
  const r = runCli(["hook", "--json"], { stdin: "nope" });
  expect(r.exitCode).toBe(1);
  expect(JSON.parse(r.stdout).error).toMatchObject({
    code: "EJSON",
    op: "read state",
    path: "stdin",
  });
});

test("a state on stdin from /dev/zero is refused at the size cap, not read forever", () => {
  const r = Bun.spawnSync(["timeout", "20", "sh", "-c", `bun ${BIN} hook < /dev/zero`], {
    stdout: "pipe",
    stderr: "pipe",
  });
  expect(r.exitCode).toBe(1);
  expect(lines(r.stderr.toString())).toEqual([
    "ocimount: hook: stdin too large (-): EFBIG (more than 16777216 bytes)",
  ]);
});

test("--help explains the hook", () => {
  const r = runCli(["hook", "--help"]);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain("--mounts");
});
