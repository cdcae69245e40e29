/**
 * Hostile but valid bundles: destinations climbing out with `..`, symlinks in the rootfs pointing
 * at host directories or at a sibling `rootfs2`. Setup must mount inside the rootfs and nowhere
 * else; teardown must leave the namespace's table as it found it.
 */
import { afterAll, expect } from "bun:test";
import { readdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { bind, config, tmpfs, writeBundle } from "./fixtures/cli/bundles.ts";
import { cliInNamespace, removeWorkDirs } from "./fixtures/cli/cli.ts";
import { mountTest } from "./helpers/namespace.ts";

afterAll(removeWorkDirs);

mountTest("every mount of a hostile bundle lands inside its rootfs", () => {
  const { bundle, state } = writeBundle({
    config: config([
      tmpfs("../../../../../../../tmp/escape"),
      tmpfs("/up/../../../escape2"),
      tmpfs("/hostetc/ocimount-escape"),
      tmpfs("/sibling/escape3"),
      tmpfs("/abs-sibling/escape4"),
      bind("shared", "/hostvar/escape5"),
    ]),
    dirs: ["rootfs2", "rootfs/up"],
    links: [
      ["rootfs/hostetc", "/etc"],
      ["rootfs/hostvar", "/var/tmp"],
      ["rootfs/sibling", "../rootfs2"],
      ["rootfs/abs-sibling", "/bundle/rootfs2"],
    ],
  });
  const real = realpathSync(bundle);
  const rootfs = join(real, "rootfs");
  const common = ["--bundle", bundle, "--state-dir", state];
  const [setup, teardown] = cliInNamespace([
    ["setup", ...common],
    ["teardown", ...common],
  ]);
  // Only warnings (relative destinations are deprecated), one line each, never an error.
  for (const line of (setup?.stderr ?? "").split("\n").filter(Boolean)) {
    expect(line).toStartWith("ocimount: setup: warning (");
  }
  expect(setup?.exitCode).toBe(0);
  expect(setup?.newMountPoints.length).toBeGreaterThanOrEqual(7);
  for (const point of setup?.newMountPoints ?? []) {
    expect(point === rootfs || point.startsWith(`${rootfs}/`)).toBe(true);
  }
  expect(setup?.newMountPoints).toContain(`${rootfs}/tmp/escape`);
  expect(setup?.newMountPoints).toContain(`${rootfs}/etc/ocimount-escape`);
  expect(setup?.newMountPoints).toContain(`${rootfs}/rootfs2/escape3`);
  expect(setup?.newMountPoints).toContain(`${rootfs}/var/tmp/escape5`);
  expect(readdirSync(join(real, "rootfs2"))).toEqual([]);
  expect(teardown?.exitCode).toBe(0);
  expect(teardown?.newMountPoints).toEqual([]);
});

mountTest("plan shows where hostile destinations really land", () => {
  const { bundle, state } = writeBundle({
    config: config([tmpfs("/sibling/x")]),
    dirs: ["rootfs2"],
    links: [["rootfs/sibling", "../rootfs2"]],
  });
  const [plan] = cliInNamespace([
    ["setup", "--dry-run", "--json", "--bundle", bundle, "--state-dir", state],
  ]);
  expect(plan?.exitCode).toBe(0);
  expect(plan?.tableChanged).toBe(false);
  const step = JSON.parse(plan?.stdout ?? "").steps[1];
  expect(step.target.hostPath).toBe(join(realpathSync(bundle), "rootfs/rootfs2/x"));
});
