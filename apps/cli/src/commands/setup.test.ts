import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { removeTempDirs, writeBundle } from "../bundleFixture.fixture.ts";
import { CAN_MOUNT, MOUNT_SKIPPED, ROOT, UNSHARE } from "../namespace.fixture.ts";
import { BIN, lines, runCli } from "../runCli.fixture.ts";
import { progressLine } from "./setup.ts";

afterAll(removeTempDirs);

describe("progressLine", () => {
  test("rewrites the line at most every 100 ms, with done/total", () => {
    let clock = 0;
    const lines: string[] = [];
    const onStep = progressLine({ progress: (t) => lines.push(t) }, 5000, () => clock);
    const at: Array<[ms: number, done: number]> = [
      [10, 1],
      [99, 2],
      [100, 3],
      [150, 4],
      [199, 5],
      [200, 6],
      [900, 7],
    ];
    for (const [ms, done] of at) {
      clock = ms;
      onStep(done);
    }
    expect(lines).toEqual([
      "ocimount: setup: applying 5000 steps... 3/5000",
      "ocimount: setup: applying 5000 steps... 6/5000",
      "ocimount: setup: applying 5000 steps... 7/5000",
    ]);
  });
});

// A real setup mounts, so it runs in its own private mount namespace (in a user namespace of
// its own when not root), on a terminal made by script(1); stdout and stderr share that terminal.
const CLEAR = "\r\u001b[2K";

test.skipIf(!CAN_MOUNT)(
  `setup of 1500 mounts on a terminal: a progress line on stderr, cleared before the result${MOUNT_SKIPPED}`,
  () => {
    const mounts = Array.from({ length: 1500 }, (_, i) => ({
      destination: `/many/${i}`,
      type: "tmpfs",
      source: "tmpfs",
    }));
    const bundle = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" }, mounts });
    const common = `--bundle ${bundle} --state-dir ${bundle}/.state`;
    const line = `bun ${BIN} setup ${common} && bun ${BIN} teardown ${common}`;
    const r = Bun.spawnSync([...UNSHARE, "script", "-qec", line, "/dev/null"], {
      stdout: "pipe",
      stderr: "pipe",
    });
    const tty = r.stdout.toString();
    expect(r.exitCode).toBe(0);
    expect(tty).toContain(`${CLEAR}ocimount: setup: applying 1501 steps...`);
    // Counters, if the setup took long enough to show any, only go up and never past the total.
    const counts = [...tty.matchAll(/applying 1501 steps\.\.\. (\d+)\/1501/g)].map((m) =>
      Number(m[1]),
    );
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.every((n) => n >= 1 && n <= 1501)).toBe(true);
    // The last progress text is erased before the result line is printed.
    const result = tty.indexOf("set up 1501 mounts");
    expect(result).toBeGreaterThan(0);
    expect(tty.lastIndexOf(CLEAR, result)).toBeGreaterThan(tty.lastIndexOf("steps...", result));
    expect(tty).toContain("torn down ");
  },
  60_000,
);

test.skipIf(!CAN_MOUNT)(
  `without a terminal there is no progress line${MOUNT_SKIPPED}`,
  () => {
    const mounts = Array.from({ length: 1200 }, (_, i) => ({
      destination: `/many/${i}`,
      type: "tmpfs",
      source: "tmpfs",
    }));
    const bundle = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" }, mounts });
    const common = ["--bundle", bundle, "--state-dir", `${bundle}/.state`];
    const script = `bun ${BIN} setup ${common.join(" ")} && bun ${BIN} teardown ${common.join(" ")}`;
    const r = Bun.spawnSync([...UNSHARE, "sh", "-c", script], {
      stdout: "pipe",
      stderr: "pipe",
    });
    expect(r.exitCode).toBe(0);
    expect(r.stderr.toString()).toBe("");
    expect(r.stdout.toString()).toStartWith("set up 1201 mounts");
  },
  60_000,
);

// As an ordinary user (nobody when the tests run as root), outside any user namespace.
const plainUser = process.getuid?.() !== 0;
describe("setup without the right to mount says what is needed, and changes nothing", () => {
  const run = (args: string[]) => runCli(args, { asNobody: !plainUser });
  const readableBundle = () => {
    const dir = writeBundle({
      ociVersion: "1.3.0",
      root: { path: "rootfs" },
      mounts: [{ destination: "/t", type: "tmpfs", source: "tmpfs" }],
    });
    chmodSync(dir, 0o777);
    return dir;
  };
  test("no CAP_SYS_ADMIN: needs root, or a user namespace, with the unshare line", () => {
    const bundle = readableBundle();
    const r = run(["setup", "--bundle", bundle, "--state-dir", join(bundle, "state")]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual([
      `ocimount: setup: needs root, or a user namespace (${bundle}): EPERM (mounting needs CAP_SYS_ADMIN)`,
      `Run it as root, or in a user namespace of its own: unshare -Urmpf --propagation private -- ocimount setup --bundle ${bundle} --state-dir /tmp/ocimount-state`,
    ]);
    expect(readdirSync(bundle).sort()).toEqual(["config.json", "rootfs", "shared"]);
  });
  test("--dry-run needs no privilege", () => {
    const r = run(["setup", "--bundle", readableBundle(), "--dry-run"]);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
  });
});

test.skipIf(!CAN_MOUNT || ROOT)(
  `in a user namespace the default state dir is named, with --state-dir as the way out${ROOT ? " [skipped as root: /run/ocimount is writable]" : MOUNT_SKIPPED}`,
  () => {
    const bundle = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" } });
    const r = Bun.spawnSync([...UNSHARE, "bun", BIN, "setup", "--bundle", bundle], {
      stdout: "pipe",
      stderr: "pipe",
    });
    expect(r.exitCode).toBe(1);
    // Root's /run/ocimount is there once root ran setup on this machine; seen from the user
    // namespace it belongs to the overflow uid, and the mounter refuses it before writing.
    const expected = existsSync("/run/ocimount")
      ? [
          "ocimount: setup: the state dir is not safe to use (state dir /run/ocimount): EUNSAFE (state dir owned by uid 65534, not by uid 0 (the caller))",
          "Give setup a state dir of its own with --state-dir DIR (the default, /run/ocimount, is root's).",
        ]
      : [
          "ocimount: setup: cannot write the journal (state dir /run/ocimount): EACCES (errno 13, Permission denied)",
          "Give setup a state dir it can write with --state-dir DIR (the default, /run/ocimount, is root's).",
        ];
    expect(lines(r.stderr.toString())).toEqual(expected);
  },
);

test.skipIf(!CAN_MOUNT)(
  `an unknown filesystem type is reported under its type, not its source${MOUNT_SKIPPED}`,
  () => {
    const bundle = writeBundle({
      ociVersion: "1.3.0",
      root: { path: "rootfs" },
      mounts: [{ destination: "/t", type: "tmpfz", source: "mysrc" }],
    });
    const r = Bun.spawnSync(
      [...UNSHARE, "bun", BIN, "setup", "--bundle", bundle, "--state-dir", join(bundle, "st")],
      { stdout: "pipe", stderr: "pipe" },
    );
    expect(r.exitCode).toBe(1);
    expect(lines(r.stderr.toString())).toEqual([
      `ocimount: setup: unknown filesystem type 'tmpfz' (mounts[0].type ${bundle}/rootfs/t): ENODEV (this kernel has no such filesystem)`,
    ]);
  },
);

describe("--bundle naming config.json instead of its directory gets a hint", () => {
  for (const command of ["setup", "plan"]) {
    test(command, () => {
      const bundle = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" } });
      const r = runCli([command, "--bundle", join(bundle, "config.json")]);
      expect(r.exitCode).toBe(1);
      expect(lines(r.stderr)).toEqual([
        `ocimount: ${command}: --bundle names a file, not a bundle directory (${bundle}/config.json): ENOTDIR (errno 20, Not a directory)`,
        `--bundle takes the directory that holds config.json: --bundle ${bundle}.`,
      ]);
    });
  }
});

test.skipIf(!CAN_MOUNT)(
  `status of 2000 mounts: a summary line of counts, the tree, and rows that fit COLUMNS${MOUNT_SKIPPED}`,
  () => {
    const mounts = [
      { destination: "/n", type: "tmpfs", source: "tmpfs" },
      ...Array.from({ length: 1999 }, (_, i) => ({
        destination: `/n/${"long-name-".repeat(6)}${i}`,
        type: "tmpfs",
        source: "tmpfs",
      })),
    ];
    const bundle = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" }, mounts });
    const common = `--bundle ${bundle} --state-dir ${bundle}/.state`;
    const script = [
      `bun ${BIN} setup ${common} >/dev/null`,
      `COLUMNS=80 bun ${BIN} status ${common} > ${bundle}/table`,
      `bun ${BIN} status ${common} --format tree > ${bundle}/tree`,
      `bun ${BIN} teardown ${common} >/dev/null`,
    ].join(" && ");
    const r = Bun.spawnSync([...UNSHARE, "sh", "-c", script], { stdout: "pipe", stderr: "pipe" });
    expect(r.stderr.toString()).toBe("");
    expect(r.exitCode).toBe(0);
    const table = lines(readFileSync(join(bundle, "table"), "utf8"));
    expect(table.at(-1)).toBe("2001 steps: 2001 mounted");
    for (const line of table.slice(1)) expect(line.length).toBeLessThanOrEqual(80);
    const tree = lines(readFileSync(join(bundle, "tree"), "utf8"));
    expect(tree.at(-1)).toBe("2001 steps: 2001 mounted");
    expect(tree.filter((l) => l.startsWith("└─/n "))).toHaveLength(1);
    expect(tree.filter((l) => /^ {2}[├└]─\/n\/long-name-/.test(l))).toHaveLength(1999);
  },
  120_000,
);

test.skipIf(!CAN_MOUNT)(
  `a --state-dir that is a file is named as such, not an unexpected EEXIST${MOUNT_SKIPPED}`,
  () => {
    const bundle = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" } });
    const file = join(bundle, "not-a-dir");
    writeFileSync(file, "");
    for (const stateDir of [file, join(file, "below")]) {
      const r = Bun.spawnSync(
        [...UNSHARE, "bun", BIN, "setup", "--bundle", bundle, "--state-dir", stateDir],
        { stdout: "pipe", stderr: "pipe" },
      );
      expect(r.exitCode).toBe(1);
      expect(lines(r.stderr.toString())).toEqual([
        `ocimount: setup: the state dir is not a directory (state dir ${stateDir}): ENOTDIR (errno 20, Not a directory)`,
        "Give setup a state dir it can write with --state-dir DIR (the default, /run/ocimount, is root's).",
      ]);
    }
  },
);
