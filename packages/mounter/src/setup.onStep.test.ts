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
  const bundleDir = mkdtempSync(join(tmpdir(), "ocimount-onstep-"));
  mkdirSync(join(bundleDir, "rootfs"));
  dirs.push(bundleDir);
  return { bundleDir, stateDir: join(bundleDir, ".state") };
}

const config = {
  root: { path: "rootfs", readonly: true },
  mounts: [
    { destination: "/a", type: "tmpfs" },
    { destination: "/b", type: "bind", source: "/srv", options: ["rbind", "ro"] },
  ],
  linux: { maskedPaths: ["/proc/kcore"] },
};

describe("setup onStep", () => {
  test("is called once per step, in order, after the step's calls, with done and total", async () => {
    const sys = createFakeSyscalls();
    const { bundleDir, stateDir } = bundle();
    const seen: Array<[number, number, string, string | undefined]> = [];
    await setup(
      { config, bundleDir },
      {
        sys,
        stateDir,
        verify: false,
        onStep: (done, total, step) => seen.push([done, total, step.why, sys.calls.at(-1)?.op]),
      },
    );
    expect(seen.map(([done, total, why]) => [done, total, why])).toEqual([
      [1, 5, "root.path"],
      [2, 5, "mounts[0]"],
      [3, 5, "mounts[1]"],
      [4, 5, "linux.maskedPaths[0]"],
      [5, 5, "root.readonly"],
    ]);
    // After the step: the bind's last call (its mount ID, then closing its fds) is already made.
    expect(seen[2]?.[3]).toBe("close");
  });

  test("a callback that throws fails setup with a MountError and rolls back", async () => {
    const sys = createFakeSyscalls();
    const { bundleDir, stateDir } = bundle();
    const stop = new Error("stop at 2");
    const failed = setup(
      { config, bundleDir },
      {
        sys,
        stateDir,
        verify: false,
        onStep: (done) => {
          if (done === 2) throw stop;
        },
      },
    );
    expect(failed).rejects.toBeInstanceOf(MountError);
    await failed.catch((err: MountError) => expect(err.cause).toBe(stop));
    expect(existsSync(journalPath(bundleDir, stateDir))).toBe(false);
    expect([...sys.openFds]).toEqual([]);
  });
});
