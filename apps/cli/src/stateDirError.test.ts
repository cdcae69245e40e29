import { afterAll, describe, expect, test } from "bun:test";
import { chmodSync } from "node:fs";
import { OcimountError } from "@ocimount/mount-flags/errors";
import { removeTempDirs, tempDir, writeBundle } from "./bundleFixture.fixture.ts";
import { lines, runCli } from "./runCli.fixture.ts";
import { type StateDirCommand, untrustedStateDir } from "./stateDirError.ts";

afterAll(removeTempDirs);

const unsafe = (fields: Partial<ConstructorParameters<typeof OcimountError>[0]>) =>
  new OcimountError({ code: "EUNSAFE", op: "state", target: "/sd", detail: "why", ...fields });

const ROWS: { name: string; error: unknown; stateDir?: string; said: boolean }[] = [
  { name: "the mounter's refusal of the state dir", error: unsafe({}), said: true },
  { name: "named by another spelling of it", error: unsafe({ target: "/sd/" }), said: true },
  {
    name: "a journal refused (op read) is not the state dir",
    error: unsafe({ op: "read", target: "/sd/x.jsonl" }),
    said: false,
  },
  { name: "another state dir", error: unsafe({ target: "/other" }), said: false },
  { name: "another code", error: unsafe({ code: "EJOURNAL" }), said: false },
  {
    name: "the same fields on a plain object are not an ocimount error",
    error: { code: "EUNSAFE", op: "state", target: "/sd" },
    said: false,
  },
];

describe("untrustedStateDir reads the fields", () => {
  for (const row of ROWS) {
    test(row.name, () => {
      const e = untrustedStateDir(row.error, row.stateDir ?? "/sd", "status");
      if (!row.said) expect(e).toBeUndefined();
      else
        expect(e).toMatchObject({
          code: "EUNSAFE",
          summary: "the state dir is not safe to use",
          where: "state dir /sd",
          detail: "why",
        });
    });
  }
});

test("setup's way out is a state dir of its own; the others need the one setup used", () => {
  expect(untrustedStateDir(unsafe({}), "/sd", "setup")?.hint).toStartWith(
    "Give setup a state dir of its own with --state-dir DIR",
  );
  expect(untrustedStateDir(unsafe({}), "/sd", "teardown")?.hint).toStartWith(
    "Give teardown the state dir setup used",
  );
});

// setup is left out here: it mounts once past the check (setup.test.ts runs it in a namespace).
describe("teardown, status and list refuse an unsafe state dir as setup does", () => {
  const stateDir = tempDir();
  chmodSync(stateDir, 0o777);
  const bundle = writeBundle({ ociVersion: "1.3.0", root: { path: "rootfs" } });
  const COMMANDS: { command: StateDirCommand; args: string[]; hint: string }[] = [
    { command: "teardown", args: ["--bundle", bundle], hint: "Give teardown the state dir" },
    { command: "status", args: ["--bundle", bundle], hint: "Give status the state dir" },
    { command: "list", args: [], hint: "Give list the state dir" },
  ];
  for (const { command, args, hint } of COMMANDS) {
    test(command, () => {
      const r = runCli([command, ...args, "--state-dir", stateDir]);
      expect(r.exitCode).toBe(1);
      const [line, advice, ...rest] = lines(r.stderr);
      expect(line).toBe(
        `ocimount: ${command}: the state dir is not safe to use (state dir ${stateDir}): EUNSAFE (state dir writable by group or others (mode 0777))`,
      );
      expect(advice).toStartWith(hint);
      expect(rest).toEqual([]);
    });
  }
});
