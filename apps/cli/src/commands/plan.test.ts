import { afterAll, describe, expect, test } from "bun:test";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { removeTempDirs, validConfig, writeBundle } from "../bundleFixture.fixture.ts";
import { lines, runCli } from "../runCli.fixture.ts";

afterAll(removeTempDirs);

// plan never mounts, so these run without a namespace; setup is tested in tests/cli*.test.ts.

test("plan prints one row per step, in order, with why, what and where", () => {
  const bundle = writeBundle(validConfig());
  const r = runCli(["plan", "--bundle", bundle]);
  expect(r.stderr).toBe("");
  expect(r.exitCode).toBe(0);
  const out = lines(r.stdout);
  expect(out[0]).toBe(`plan for ${bundle} (rootfs ${bundle}/rootfs): 3 steps`);
  expect(out[1]).toMatch(/^#\s+WHY\s+WHAT\s+SOURCE\s+WHERE\s+OPTIONS$/);
  expect(out[2]).toMatch(/^1\s+root\.path\s+rbind\s/);
  expect(out[3]).toMatch(/^2\s+mounts\[0\]\s+tmpfs\s+tmpfs\s+\/tmp\s+nosuid/);
  expect(out[4]).toMatch(
    new RegExp(`^3\\s+mounts\\[1\\]\\s+rbind\\s+${bundle}/shared\\s+/srv\\s+ro`),
  );
});

test("--bundle defaults to the current directory", () => {
  const bundle = writeBundle(validConfig());
  const r = runCli(["plan", "--json"], { cwd: bundle });
  expect(r.exitCode).toBe(0);
  expect(JSON.parse(r.stdout).bundleDir).toBe(bundle);
});

test("plan --json: the steps with their descriptions", () => {
  const r = runCli(["plan", "--json", "--bundle", writeBundle(validConfig())]);
  expect(r.exitCode).toBe(0);
  const plan = JSON.parse(r.stdout);
  expect(plan.steps.map((s: { why: string }) => s.why)).toEqual([
    "root.path",
    "mounts[0]",
    "mounts[1]",
  ]);
  expect(plan.steps[2].describe.action).toBe("rbind");
});

test("a destination through a symlink shows the host path it resolves to", () => {
  const bundle = writeBundle({
    ...validConfig(),
    mounts: [{ destination: "/link/x", type: "tmpfs", source: "tmpfs" }],
  });
  symlinkSync("/etc", join(bundle, "rootfs", "link"));
  const r = runCli(["plan", "--bundle", bundle]);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain(`/link/x [${bundle}/rootfs/etc/x]`);
});

test("a hostile destination with control characters cannot forge a row", () => {
  const bundle = writeBundle({
    ...validConfig(),
    mounts: [{ destination: "/a\n2  mounts[9]  bind  /etc", type: "tmpfs", source: "tmpfs" }],
  });
  const r = runCli(["plan", "--bundle", bundle]);
  expect(r.exitCode).toBe(0);
  expect(lines(r.stdout)).toHaveLength(5); // title, header, 2 rows, the summary
  expect(r.stdout).toContain("/a\\n2  mounts[9]");
});

test("config warnings go to stderr, one line each, and do not fail the plan", () => {
  const bundle = writeBundle({
    ...validConfig(),
    mounts: [
      { destination: "/srv", type: "bind", source: "shared", options: ["bind", "mode=755"] },
    ],
  });
  const r = runCli(["plan", "--bundle", bundle]);
  expect(r.exitCode).toBe(0);
  const err = lines(r.stderr);
  expect(err.length).toBeGreaterThan(0);
  for (const line of err)
    expect(line).toStartWith(`ocimount: plan: warning (${bundle}/config.json /mounts/0/options): `);
});

test("colours only on a terminal: never in a pipe, never with NO_COLOR", () => {
  const bundle = writeBundle(validConfig());
  expect(runCli(["plan", "--bundle", bundle]).stdout).not.toContain("\u001b[");
  const tty = Bun.spawnSync(
    [
      "script",
      "-qec",
      `bun ${join(import.meta.dir, "../../bin/ocimount.ts")} plan --bundle ${bundle}`,
      "/dev/null",
    ],
    { stdout: "pipe", env: { ...process.env, NO_COLOR: undefined, TERM: "xterm" } },
  );
  expect(tty.stdout.toString()).toContain("\u001b[1m");
  const noColor = Bun.spawnSync(
    [
      "script",
      "-qec",
      `bun ${join(import.meta.dir, "../../bin/ocimount.ts")} plan --bundle ${bundle}`,
      "/dev/null",
    ],
    { stdout: "pipe", env: { ...process.env, NO_COLOR: "1", TERM: "xterm" } },
  );
  expect(noColor.stdout.toString()).toContain("plan for");
  expect(noColor.stdout.toString()).not.toContain("\u001b[");
});

test("the last line counts the steps by kind", () => {
  const r = runCli(["plan", "--bundle", writeBundle(validConfig())]);
  expect(lines(r.stdout).at(-1)).toBe("3 steps: 1 rootfs-bind, 1 new-fs, 1 bind");
});

test("a plan of 2000 mounts: one row each, and a summary line of counts", () => {
  const mounts = Array.from({ length: 2000 }, (_, i) =>
    i % 10 === 0
      ? { destination: `/b/${i}`, type: "bind", source: "shared", options: ["rbind"] }
      : { destination: `/t/${i}`, type: "tmpfs", source: "tmpfs" },
  );
  const r = runCli(["plan", "--bundle", writeBundle({ ...validConfig(), mounts })]);
  expect(r.exitCode).toBe(0);
  const out = lines(r.stdout);
  expect(out).toHaveLength(2 + 2001 + 1);
  expect(out.at(-1)).toBe("2001 steps: 1 rootfs-bind, 200 bind, 1800 new-fs");
});

describe("COLUMNS: rows fit, by cutting the path columns of the rows too long only", () => {
  const long = `/${"deep/".repeat(20)}leaf`;
  const config = {
    ...validConfig(),
    mounts: [
      { destination: "/tmp", type: "tmpfs", source: "tmpfs" },
      { destination: long, type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev"] },
    ],
  };
  for (const columns of [70, 80, 100]) {
    test(`${columns} columns`, () => {
      const bundle = writeBundle(config);
      const r = runCli(["plan", "--bundle", bundle], { env: { COLUMNS: String(columns) } });
      expect(r.exitCode).toBe(0);
      const out = lines(r.stdout);
      const rows = out.slice(1, -1);
      for (const row of rows) expect(row.length).toBeLessThanOrEqual(columns);
      expect(rows[2]).toMatch(/^2\s+mounts\[0\]\s+tmpfs\s+tmpfs\s+\/tmp\s+-$/);
      expect(rows[3]).toContain("…");
      expect(rows[3]).toMatch(/^3\s+mounts\[1\]\s+tmpfs\s+tmpfs\s+\/deep\/.*…/);
    });
  }
  test("without COLUMNS, to a pipe, nothing is cut", () => {
    const r = runCli(["plan", "--bundle", writeBundle(config)], { env: { COLUMNS: undefined } });
    expect(r.stdout).toContain(long);
    expect(r.stdout).not.toContain("…");
  });
});
