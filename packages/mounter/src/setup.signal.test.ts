import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MountError } from "./errors.ts";
import { journalPath } from "./journal/journalPath.ts";
import { setup } from "./setup.ts";
import { createFakeSyscalls } from "./sys/fake.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function bundle(): { bundleDir: string; stateDir: string } {
  const bundleDir = mkdtempSync(join(tmpdir(), "ocimount-signal-"));
  mkdirSync(join(bundleDir, "rootfs"));
  dirs.push(bundleDir);
  return { bundleDir, stateDir: join(bundleDir, ".state") };
}

const mounts = Array.from({ length: 40 }, (_, i) => ({ destination: `/m${i}`, type: "tmpfs" }));
const config = { root: { path: "rootfs" }, mounts };

/** Where setup stopped and what it did, for a signal aborted after `abortAfter` steps. */
async function stopped(abortAfter: number, reason: unknown) {
  const sys = createFakeSyscalls();
  const { bundleDir, stateDir } = bundle();
  const controller = new AbortController();
  if (abortAfter === 0) controller.abort(reason);
  const error = await setup(
    { config, bundleDir },
    {
      sys,
      stateDir,
      verify: false,
      signal: controller.signal,
      onStep: (done) => {
        if (done === abortAfter) controller.abort(reason);
      },
    },
  ).catch((e: unknown) => e);
  const moved = sys.argsOf("moveMount").length;
  return { error, moved, journal: existsSync(journalPath(bundleDir, stateDir)), sys };
}

const ROWS: { name: string; abortAfter: number; where: string; moved: number }[] = [
  {
    name: "before the first step: nothing is mounted",
    abortAfter: 0,
    where: "root.path",
    moved: 0,
  },
  { name: "after the self-bind", abortAfter: 1, where: "mounts[0]", moved: 1 },
  { name: "in the middle", abortAfter: 21, where: "mounts[20]", moved: 21 },
  { name: "before the last step", abortAfter: 40, where: "mounts[39]", moved: 40 },
];

describe("setup stops at the next step when its signal aborts, and rolls back", () => {
  for (const row of ROWS) {
    test(row.name, async () => {
      const { error, moved, journal, sys } = await stopped(row.abortAfter, "SIGINT");
      expect(error).toBeInstanceOf(MountError);
      expect(error).toMatchObject({ code: "ECANCELED", op: "setup", where: row.where });
      expect((error as MountError).message).toContain("stopped by SIGINT");
      expect((error as MountError).rollback).toBeUndefined();
      expect(moved).toBe(row.moved);
      expect(journal).toBe(false);
      expect([...sys.openFds]).toEqual([]);
    });
  }
});

test("without a signal nothing changes: every step is applied", async () => {
  const sys = createFakeSyscalls();
  const { bundleDir, stateDir } = bundle();
  const result = await setup({ config, bundleDir }, { sys, stateDir, verify: false });
  expect(result.mounts).toHaveLength(41);
});
