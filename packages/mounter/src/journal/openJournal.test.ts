import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { directory, makeTree } from "@ocimount/test-utils";
import { MountError } from "../errors.ts";
import { createFakeSyscalls } from "../sys/fake.ts";
import { journalPath } from "./journalPath.ts";
import { openJournal } from "./openJournal.ts";

const tree = makeTree({ bundle: directory, "bundle/rootfs": directory });
afterAll(() => tree.remove());
const bundleDir = `${tree.root}/bundle`;
const stateDir = `${tree.root}/state`;
mkdirSync(stateDir, { mode: 0o700 });
const bundle = statSync(bundleDir, { bigint: true });
const rootfs = statSync(`${bundleDir}/rootfs`, { bigint: true });
const identity = { id: 1, unique: 0, parent: 0, parentUnique: 0, at: "/" };
writeFileSync(
  journalPath(bundleDir, stateDir),
  `${JSON.stringify({
    t: "begin",
    v: 2,
    bundleDir,
    bundleDev: String(bundle.dev),
    bundleIno: String(bundle.ino),
    rootfs: `${bundleDir}/rootfs`,
    rootfsReal: `${bundleDir}/rootfs`,
    rootfsDev: String(rootfs.dev),
    rootfsIno: String(rootfs.ino),
    mntns: 1,
    proof: "place",
    base: identity,
    steps: [],
    pid: 1,
    startedAt: "",
  })}\n`,
  { mode: 0o600 },
);

/** A fake whose flock(LOCK_EX) is refused with EAGAIN the first `busyFor` times. */
function lockedFor(busyFor: number) {
  let tries = 0;
  const sys = createFakeSyscalls({
    failOn: (op) => (op === "flock" && ++tries <= busyFor ? ERRNO.EAGAIN : undefined),
  });
  return { sys, tries: () => tries };
}

describe("openJournal: the exclusive lock", () => {
  test("a lock held a moment (a status probe) is waited for, then taken", () => {
    const { sys, tries } = lockedFor(3);
    const opened = openJournal(sys, bundleDir, stateDir);
    expect(opened?.record.begin.bundleDir).toBe(bundleDir);
    expect(tries()).toBe(4);
    opened?.close();
  });

  test("a lock held on (a setup under way) is refused with EJOURNAL, EAGAIN, after a short wait", () => {
    const { sys, tries } = lockedFor(Number.POSITIVE_INFINITY);
    let error: unknown;
    try {
      openJournal(sys, bundleDir, stateDir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MountError);
    expect(error).toMatchObject({ code: "EJOURNAL", op: "lock", errnoName: "EAGAIN" });
    expect(tries()).toBeGreaterThan(1); // it asked again before refusing
  });
});
