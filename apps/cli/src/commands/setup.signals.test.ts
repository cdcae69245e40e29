import { afterAll, describe, expect, test } from "bun:test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { removeTempDirs, tempDir, writeBundle } from "../bundleFixture.fixture.ts";
import { CAN_MOUNT, MOUNT_SKIPPED, UNSHARE } from "../namespace.fixture.ts";
import { BIN, lines } from "../runCli.fixture.ts";

afterAll(removeTempDirs);

// Each row runs in its own private mount namespace (in a user namespace of its own when not
// root): a driver script saves the mount table, starts a setup of 3000 tmpfs mounts, waits until
// 200 of them are in the table (so setup is under way, whatever the machine's speed), sends the
// signals, waits for the exit status and compares the table with the one saved.
const MOUNTS = 3000;
const UNDER_WAY = 200;
const CLEAR = "\r\u001b[2K";

/** The driver: `bash driver.sh BUNDLE OUT SIGNAL...`; results land in files under OUT. */
const DRIVER = `
bundle=$1; out=$2; shift 2
cat /proc/self/mountinfo > "$out/before"
base=$(wc -l < /proc/self/mountinfo)
bun ${BIN} setup --bundle "$bundle" --state-dir "$out/state" >"$out/stdout" 2>"$out/stderr" &
pid=$!
while [ "$(wc -l < /proc/self/mountinfo)" -lt $((base + ${UNDER_WAY})) ]; do
  kill -0 $pid 2>/dev/null || break
  sleep 0.01
done
for sig in "$@"; do kill -"$sig" $pid; done
wait $pid; echo $? > "$out/rc"
cat /proc/self/mountinfo > "$out/after"
ls -A "$out/state" > "$out/journals" 2>/dev/null
`;

function run(signals: string[], tty = false) {
  const mounts = Array.from({ length: MOUNTS }, (_, i) => ({
    destination: `/many/${i}`,
    type: "tmpfs",
    source: "tmpfs",
  }));
  const bundle = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" }, mounts });
  const out = tempDir();
  const driver = join(out, "driver.sh");
  writeFileSync(driver, DRIVER);
  const command = ["bash", driver, bundle, out, ...signals];
  // On a terminal (script(1)), setup's stderr is the terminal, so the progress line shows.
  const argv = tty
    ? [
        ...UNSHARE,
        "script",
        "-qec",
        `${command.join(" ")} 2>&1 >/dev/null; cat ${out}/stderr`,
        "/dev/null",
      ]
    : [...UNSHARE, ...command];
  if (tty) writeFileSync(driver, DRIVER.replace(`2>"$out/stderr"`, `2>/dev/tty`));
  const r = Bun.spawnSync(argv, { stdout: "pipe", stderr: "pipe" });
  const read = (name: string) => readFileSync(join(out, name), "utf8");
  return { driver: r, read, tty: r.stdout.toString() };
}

// Two signals sent at once reach Bun's handlers in either order: the first one seen stops setup
// and sets the exit status, the other is noted.
const ROWS: { signals: string[]; exitCode: number | number[]; line: RegExp }[] = [
  {
    signals: ["INT"],
    exitCode: 130,
    line: /^ocimount: setup: interrupted by SIGINT before mounts\[\d+\] \(\d+ of 3001 steps done\): rolled back, nothing is left mounted$/,
  },
  { signals: ["TERM"], exitCode: 143, line: /^ocimount: setup: interrupted by SIGTERM before / },
  { signals: ["HUP"], exitCode: 129, line: /^ocimount: setup: interrupted by SIGHUP before / },
  {
    signals: ["INT", "TERM"],
    exitCode: [130, 143],
    line: /^ocimount: setup: interrupted by SIG(INT|TERM) .*: rolled back, nothing is left mounted \(then SIG(TERM|INT): noted, the rollback finished\)$/,
  },
];

describe(`a signal during a setup of ${MOUNTS} mounts: rolled back, one line, exit 128+N${MOUNT_SKIPPED}`, () => {
  for (const row of ROWS) {
    test.skipIf(!CAN_MOUNT)(
      `SIG${row.signals.join(" then SIG")}`,
      () => {
        const { driver, read } = run(row.signals);
        expect(driver.stderr.toString()).toBe("");
        const rc = Number(read("rc"));
        expect([row.exitCode].flat()).toContain(rc);
        expect(read("stdout")).toBe("");
        const err = lines(read("stderr"));
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(row.line);
        const first = /interrupted by (SIG[A-Z]+)/.exec(err[0] ?? "")?.[1];
        expect(rc).toBe(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[first ?? ""] ?? 0));
        // Setup was under way when stopped, and the mount table is back to what it was before.
        const done = Number(/\((\d+) of/.exec(err[0] ?? "")?.[1]);
        expect(done).toBeGreaterThanOrEqual(UNDER_WAY);
        expect(read("after")).toBe(read("before"));
        expect(read("journals")).toBe("");
      },
      60_000,
    );
  }
});

test.skipIf(!CAN_MOUNT)(
  `on a terminal the progress line is cleared before the interrupted line${MOUNT_SKIPPED}`,
  () => {
    const { read, tty } = run(["INT"], true);
    expect(Number(read("rc"))).toBe(130);
    const at = tty.indexOf("ocimount: setup: interrupted by SIGINT");
    expect(at).toBeGreaterThan(0);
    expect(tty.lastIndexOf(CLEAR, at)).toBeGreaterThan(tty.lastIndexOf("steps...", at));
    expect(tty.slice(0, at)).toContain("ocimount: setup: applying 3001 steps...");
    expect(read("after")).toBe(read("before"));
  },
  60_000,
);
