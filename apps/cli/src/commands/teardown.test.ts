import { afterAll, expect, test } from "bun:test";
import { removeTempDirs, writeBundle } from "../bundleFixture.fixture.ts";
import { formatTeardownPlan } from "../formatTeardownPlan.ts";
import { CAN_MOUNT, MOUNT_SKIPPED, UNSHARE } from "../namespace.fixture.ts";
import { BIN, runCli } from "../runCli.fixture.ts";

afterAll(removeTempDirs);

const PLANS: ReadonlyArray<{
  name: string;
  plan: Parameters<typeof formatTeardownPlan>[1];
  lines: string[];
}> = [
  {
    name: "everything is setup's: one detach",
    plan: {
      stale: false,
      fastPath: true,
      unmount: [{ why: "root.path", at: "/b/rootfs", mountId: 70 }],
      foreign: [],
      remove: ["/m/1", "/m"],
    },
    lines: [
      "teardown of /b would unmount 1 mount (one detach of the self-bind takes them all), leave 0 foreign, try to remove 2 mountpoints:",
      "  unmount root.path /b/rootfs (mount 70)",
      "  remove  /m/1 (if still empty)",
      "  remove  /m (if still empty)",
      "nothing was done (--dry-run)",
    ],
  },
  {
    name: "a foreign mount on one of setup's: it stays, and nothing is removed",
    plan: {
      stale: false,
      fastPath: false,
      unmount: [{ why: "mounts[0]", at: "/b/rootfs/a", mountId: 71 }],
      foreign: [{ at: "/b/rootfs/b/user", mountId: 90, on: "mounts[1]" }],
      remove: [],
    },
    lines: [
      "teardown of /b would unmount 1 mount, leave 1 foreign, try to remove 0 mountpoints:",
      "  unmount mounts[0] /b/rootfs/a (mount 71)",
      "  leave   /b/rootfs/b/user (mount 90, not setup's, on mounts[1])",
      "nothing was done (--dry-run)",
    ],
  },
  {
    name: "stale: teardown would refuse",
    plan: { stale: true, fastPath: false, unmount: [], foreign: [], remove: [] },
    lines: [
      "teardown of /b would refuse: none of the journal's mounts is live in this namespace (teardown --forget discards it)",
      "nothing was done (--dry-run)",
    ],
  },
];

for (const row of PLANS)
  test(`formatTeardownPlan: ${row.name}`, () => {
    expect(formatTeardownPlan("/b", row.plan)).toEqual(row.lines);
  });

test("teardown --forget --dry-run is a usage error (exit 2), and nothing is read", () => {
  const r = runCli(["teardown", "--bundle", "/nonexistent", "--forget", "--dry-run"]);
  expect(r.exitCode).toBe(2);
  expect(r.stderr).toContain("--forget and --dry-run cannot be given together");
});

test.skipIf(!CAN_MOUNT)(
  `teardown --dry-run after setup: says what it would unmount, then the real teardown does it${MOUNT_SKIPPED}`,
  () => {
    const mounts = Array.from({ length: 3 }, (_, i) => ({
      destination: `/t/${i}`,
      type: "tmpfs",
      source: "tmpfs",
    }));
    const bundle = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" }, mounts });
    const common = `--bundle ${bundle} --state-dir ${bundle}/.state`;
    const count = `grep -c ' ${bundle}/rootfs' /proc/self/mountinfo`;
    const line = [
      `bun ${BIN} setup ${common} >/dev/null`,
      count,
      `bun ${BIN} teardown ${common} --dry-run`,
      count,
      `bun ${BIN} teardown ${common} --dry-run --json`,
      `bun ${BIN} teardown ${common}`,
    ].join(" && ");
    const r = Bun.spawnSync([...UNSHARE, "sh", "-c", line], { stdout: "pipe", stderr: "pipe" });
    expect(r.stderr.toString()).toBe("");
    expect(r.exitCode).toBe(0);
    const out = r.stdout.toString();
    const [before, ...rest] = out.split("\n");
    expect(before).toBe("4");
    expect(rest[0]).toContain(`teardown of ${bundle} would unmount 1 mount (one detach`);
    expect(out).toContain(`  unmount root.path ${bundle}/rootfs (mount `);
    expect(out).toContain("  remove  /t (if still empty)");
    expect(out).toContain("nothing was done (--dry-run)");
    expect(rest).toContain("4"); // still mounted after the dry run
    const json = JSON.parse(out.slice(out.indexOf("{"), out.lastIndexOf("}") + 1));
    expect(json.plan.fastPath).toBe(true);
    expect(out).toContain("torn down ");
  },
  60_000,
);
