/**
 * The ocimount CLI end to end on a copy of examples/bundle, each scenario in its own private
 * mount namespace: setup, status, teardown, their exit codes and JSON, and the mount table.
 */
import { afterAll, expect } from "bun:test";
import { realpathSync } from "node:fs";
import { config, tmpfs, writeBundle } from "./fixtures/cli/bundles.ts";
import {
  BIN,
  cliInNamespace,
  copyExampleBundle,
  exampleInNamespace,
  lines,
  removeWorkDirs,
} from "./fixtures/cli/cli.ts";
import { mountTest, runInNamespace } from "./helpers/namespace.ts";

afterAll(removeWorkDirs);

mountTest("setup, status, teardown of the example bundle", () => {
  const { bundle, state } = copyExampleBundle();
  const rootfs = `${realpathSync(bundle)}/rootfs`;
  const common = ["--bundle", bundle, "--state-dir", state];
  const [setup, status, teardown, after] = exampleInNamespace([
    ["setup", ...common],
    ["status", ...common, "--json"],
    ["teardown", ...common],
    ["status", ...common],
  ]);
  expect(setup?.stderr).toBe("");
  expect(setup?.exitCode).toBe(0);
  expect(setup?.stdout).toStartWith("set up ");
  expect(setup?.newMountPoints.length).toBeGreaterThan(5);
  for (const point of setup?.newMountPoints ?? []) {
    expect(point === rootfs || point.startsWith(`${rootfs}/`)).toBe(true);
  }
  expect(setup?.newMountPoints).toContain(`${rootfs}/srv/shared`);

  expect(status?.exitCode).toBe(0);
  const report = JSON.parse(status?.stdout ?? "");
  expect(report.state).toBe("set-up");
  const states = Object.fromEntries(
    report.steps.map((s: { why: string; state: string }) => [s.why, s.state]),
  );
  for (let i = 0; i < 6; i++) expect(states[`mounts[${i}]`]).toBe("mounted");

  expect(teardown?.exitCode).toBe(0);
  expect(teardown?.stdout).toStartWith("torn down ");
  expect(after?.exitCode).toBe(0);
  expect(lines(after?.stdout ?? "")[0]).toEndWith(": not-set-up");
});

mountTest("setup --json reports every mount; a second setup is refused and changes nothing", () => {
  const { bundle, state } = copyExampleBundle();
  const common = ["--bundle", bundle, "--state-dir", state];
  const [first, second, teardown, again] = exampleInNamespace([
    ["setup", ...common, "--json"],
    ["setup", ...common],
    ["teardown", ...common, "--json"],
    ["teardown", ...common, "--json"],
  ]);
  expect(first?.exitCode).toBe(0);
  const result = JSON.parse(first?.stdout ?? "");
  expect(result.mounts.length).toBeGreaterThan(5);
  expect(result.plan.steps[0].why).toBe("root.path");

  expect(second?.exitCode).toBe(1);
  expect(second?.tableChanged).toBe(false);
  expect(lines(second?.stderr ?? "")[0]).toMatch(/^ocimount: setup: .*: EALREADY \(/);

  expect(teardown?.exitCode).toBe(0);
  expect(JSON.parse(teardown?.stdout ?? "").version).toBe(1);
  expect(JSON.parse(teardown?.stdout ?? "").alreadyTornDown).toBe(false);
  expect(again?.exitCode).toBe(0);
  expect(JSON.parse(again?.stdout ?? "").alreadyTornDown).toBe(true);
});

mountTest("status shows a mount removed behind setup's back as missing", () => {
  const { bundle, state } = copyExampleBundle();
  const common = ["--bundle", bundle, "--state-dir", state];
  const runs = exampleInNamespace([
    ["setup", ...common],
    ["status", ...common],
    ["!", "umount", `${bundle}/rootfs/srv/shared`],
    ["status", ...common, "--json"],
    ["teardown", ...common],
  ]);
  expect(runs[0]?.exitCode).toBe(0);
  const table = lines(runs[1]?.stdout ?? "");
  expect(table[0]).toEndWith(": set-up");
  expect(table.find((l) => l.startsWith("mounts[4] "))).toMatch(/\smounted\s+\/srv\/shared/);
  expect(runs[2]?.exitCode).toBe(0);
  const report = JSON.parse(runs[3]?.stdout ?? "");
  const shared = report.steps.find((s: { why: string }) => s.why === "mounts[4]");
  expect(shared.state).toBe("missing");
  expect(runs[4]?.exitCode).toBe(0);
});

mountTest("setup --dry-run and plan mount nothing", () => {
  const { bundle, state } = copyExampleBundle();
  const [dry, plan] = cliInNamespace([
    ["setup", "--dry-run", "--bundle", bundle, "--state-dir", state],
    ["plan", "--json", "--bundle", bundle],
  ]);
  expect(dry?.exitCode).toBe(0);
  expect(dry?.tableChanged).toBe(false);
  expect(dry?.stdout).toContain("mounts[4]");
  expect(plan?.exitCode).toBe(0);
  expect(plan?.tableChanged).toBe(false);
  expect(JSON.parse(plan?.stdout ?? "").steps.length).toBe(13);
});

mountTest("a setup with thousands of mounts shows a progress line on a terminal only", () => {
  const { bundle, state } = writeBundle({
    config: config(Array.from({ length: 1500 }, (_, i) => tmpfs(`/many/${i}`))),
  });
  const common = `--bundle ${bundle} --state-dir ${state}`;
  const onTty = runInNamespace([
    "script",
    "-qec",
    `bun ${BIN} setup ${common} && bun ${BIN} teardown ${common}`,
    "/dev/null",
  ]);
  expect(onTty.exitCode).toBe(0);
  expect(onTty.stdout).toContain("ocimount: setup: applying 1501 steps...");
  expect(onTty.stdout).toContain("set up 1501 mounts");
  const [piped, teardown] = cliInNamespace([
    ["setup", ...common.split(" ")],
    ["teardown", ...common.split(" ")],
  ]);
  expect(piped?.exitCode).toBe(0);
  expect(piped?.stderr).toBe("");
  expect(teardown?.exitCode).toBe(0);
});
