import { afterAll, expect, test } from "bun:test";
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
  expect(lines(r.stdout)).toHaveLength(4);
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
