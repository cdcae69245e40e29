// Output to a reader that went away, and to a full device: the CLI ends quietly with the
// command's real status (a closed pipe), or says so in one line (/dev/full), never with a stack
// trace. A pipe with no reader is made deterministically: a FIFO opened read-write on fd 3, then
// for writing on fd 4, then fd 3 closed; every write to fd 4 is EPIPE from the first byte.
import { afterAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { removeTempDirs, tempDir, validConfig, writeBundle } from "./bundleFixture.fixture.ts";
import { CAN_MOUNT, MOUNT_SKIPPED, UNSHARE } from "./namespace.fixture.ts";
import { BIN } from "./runCli.fixture.ts";

afterAll(removeTempDirs);

/** Runs the shell `line` (with `$OCIMOUNT` the CLI, `$FIFO` a fresh FIFO path); prints `$?`s. */
function sh(line: string, prefix: string[] = []) {
  const fifo = join(tempDir(), "fifo");
  const script = `mkfifo "$FIFO" && exec 3<>"$FIFO" 4>"$FIFO" 3<&- && ${line}`;
  const r = Bun.spawnSync([...prefix, "sh", "-c", script], {
    env: { ...process.env, OCIMOUNT: `bun ${BIN}`, FIFO: fifo, NO_COLOR: "1" },
    stdout: "pipe",
    stderr: "pipe",
  });
  return { stdout: r.stdout.toString(), stderr: r.stderr.toString(), exitCode: r.exitCode };
}

describe("stdout closed by its reader: quiet, the command's own status", () => {
  const bundle = writeBundle(validConfig());
  const CASES: { name: string; line: string; status: string }[] = [
    { name: "plan", line: `$OCIMOUNT plan --bundle ${bundle} >&4; echo $?`, status: "0" },
    {
      name: "plan --json",
      line: `$OCIMOUNT plan --json --bundle ${bundle} >&4; echo $?`,
      status: "0",
    },
    { name: "flags", line: "$OCIMOUNT flags -- ro >&4; echo $?", status: "0" },
    { name: "--help", line: "$OCIMOUNT --help >&4; echo $?", status: "0" },
    {
      name: "a failing plan (stdout and stderr both closed)",
      line: `$OCIMOUNT plan --json --bundle ${bundle}/nothing >&4 2>&4; echo $?`,
      status: "1",
    },
    { name: "a usage error, stderr closed", line: "$OCIMOUNT nosuch 2>&4; echo $?", status: "2" },
  ];
  for (const c of CASES) {
    test(c.name, () => {
      const r = sh(c.line);
      expect(r.stderr).toBe("");
      expect(r.stdout.trim()).toBe(c.status);
    });
  }

  test("plan of 3000 mounts | head -n 1: the reader leaves mid-output", () => {
    const mounts = Array.from({ length: 3000 }, (_, i) => ({
      destination: `/m/${i}`,
      type: "tmpfs",
      source: "tmpfs",
    }));
    const big = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" }, mounts });
    const status = join(tempDir(), "status");
    const r = sh(`{ $OCIMOUNT plan --bundle ${big}; echo $? >${status}; } | head -n 1`);
    expect(r.stderr).toBe("");
    expect(r.stdout).toStartWith(`plan for ${big}`);
    expect(Bun.spawnSync(["cat", status]).stdout.toString().trim()).toBe("0");
  });
});

describe("stdout on a full device: one line on stderr", () => {
  const bundle = writeBundle(validConfig());
  test("plan >/dev/full exits 1", () => {
    const r = sh(`$OCIMOUNT plan --bundle ${bundle} >/dev/full; echo $?`);
    expect(r.stderr).toBe(
      "ocimount: plan: cannot write to stdout: ENOSPC (errno 28, No space left on device)\n",
    );
    expect(r.stdout.trim()).toBe("1");
  });

  test("validate --json >/dev/full of an invalid config keeps its status 1", () => {
    const bad = writeBundle({ ociVersion: "1.3.0", mounts: "no" });
    const r = sh(`$OCIMOUNT validate --json ${bad} >/dev/full; echo $?`);
    expect(r.stderr).toBe(
      "ocimount: validate: cannot write to stdout: ENOSPC (errno 28, No space left on device)\n",
    );
    expect(r.stdout.trim()).toBe("1");
  });
});

test.skipIf(!CAN_MOUNT)(
  `setup | (closed) and setup >/dev/full succeed: the mounts are made, exit 0, teardown finds them${MOUNT_SKIPPED}`,
  () => {
    const bundle = writeBundle(validConfig());
    const common = `--bundle ${bundle} --state-dir ${bundle}/.state`;
    const r = sh(
      [
        `$OCIMOUNT setup ${common} >&4; echo "setup $?"`,
        `$OCIMOUNT status ${common} --json | grep -c '"state": "mounted"'`,
        `$OCIMOUNT teardown ${common} >&4; echo "teardown $?"`,
        `$OCIMOUNT setup ${common} >/dev/full; echo "setup $?"`,
        `$OCIMOUNT teardown ${common} >/dev/full; echo "teardown $?"`,
      ].join("; "),
      [...UNSHARE],
    );
    expect(r.stdout.trim().split("\n")).toEqual([
      "setup 0",
      "3",
      "teardown 0",
      "setup 0",
      "teardown 0",
    ]);
    expect(r.stderr).toBe(
      [
        "ocimount: setup: cannot write to stdout: ENOSPC (errno 28, No space left on device)",
        "ocimount: teardown: cannot write to stdout: ENOSPC (errno 28, No space left on device)",
        "",
      ].join("\n"),
    );
  },
);
