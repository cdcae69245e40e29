/**
 * Teardown touches only what setup made (issue: ownership, trusted state). Each scenario runs
 * in its own private mount namespace (tests/fixtures/mounter/ownership.ts), once with the proof
 * of Linux 6.8+ (64-bit mount IDs: statx STATX_MNT_ID_UNIQUE, statmount, listmount) and once
 * with the older kernels' proof forced (mountinfo ID, place and a proven parent). In every case
 * the mounts someone else made are all still there afterwards, with their data.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { journalPath, teardown } from "@ocimount/mounter";
import { directory, removeTree } from "@ocimount/test-utils";
import { makeBundle } from "./fixtures/mounter/bundle.ts";
import { mountTest, namespaceMode, runInNamespace } from "./helpers/namespace.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) removeTree(dir);
});
const FIXTURE = join(import.meta.dir, "fixtures/mounter/ownership.ts");
const otherUid = () => {
  const r = Bun.spawnSync(["id", "-u", "ocitest"], { stderr: "ignore" });
  return r.exitCode === 0 ? r.stdout.toString().trim() : "";
};

// biome-ignore lint/suspicious/noExplicitAny: scenario output is free-form JSON checked field by field
function run(scenario: string, proof: string, env: Record<string, string> = {}): any {
  const dir = makeBundle({ rootfs: directory, shared: directory });
  made.push(dir);
  const r = runInNamespace(["bun", FIXTURE, scenario, dir, proof], { env });
  if (r.exitCode !== 0) throw new Error(`${scenario} (${proof}) failed: ${r.stderr}`);
  return { dir, ...JSON.parse(r.stdout) };
}

for (const proof of ["unique", "place"]) {
  describe(`ownership, ${proof === "unique" ? "64-bit mount IDs" : "ID + place + parent (forced)"}`, () => {
    mountTest(
      "mount IDs reused after a hand unmount: teardown is stale, touches nothing, --forget drops it",
      () => {
        const out = run("reused-ids", proof);
        expect(out.before).toHaveLength(20);
        expect(out.status.state).toBe("stale");
        expect(out.teardown.error.code).toBe("ESTALEJOURNAL");
        expect(out.teardown.error.message).toContain("teardown --forget");
        expect(out.after).toEqual(out.before);
        expect(out.journalKept).toBe("stale");
        expect(out.forget.forgotten).toBe(true);
        expect(out.afterForget).toBe("not-set-up");
        expect(out.userStill).toEqual(out.before);
      },
    );
    mountTest(
      "a mount of ours unmounted by hand and replaced by a user's tmpfs with the freed ID: the user's stays, with its data",
      () => {
        const out = run("reused-id-in-tree", proof);
        expect(out.before).toEqual([`${out.dir}/rootfs/m/3`]);
        expect(out.after).toEqual(out.before);
        expect(out.data).toBe("mine");
        expect(out.teardown.error.code).toBe("EFOREIGN");
        // The self-bind stays: the user's tmpfs sits on it; every other mount of setup's is gone.
        expect(out.oursLeft).toEqual([`${out.dir}/rootfs`]);
      },
    );
    mountTest(
      "a user's tmpfs mounted under the rootfs during setup is left, with its data, and reported",
      () => {
        const out = run("during-setup", proof);
        expect(out.before).toHaveLength(2);
        expect(out.after).toEqual(out.before);
        expect(out.data).toBe("mine");
        expect(out.teardown.error.code).toBe("EFOREIGN");
        expect(out.teardown.error.message).toMatch(
          /mount \d+ at \S+\/rootfs\/user was not made by setup/,
        );
        // Only the self-bind and the mount at /m/2 (each with a user's mount on it) stay.
        expect(out.oursLeft).toBe(2);
      },
    );
    mountTest(
      "after kill -9, mounts made under the rootfs (one on the interrupted step) are left",
      () => {
        const out = run("after-crash", proof);
        expect(out.before).toHaveLength(4);
        expect(out.after).toEqual(out.before);
        expect(out.teardown.error.code).toBe("EFOREIGN");
        const rootfs = `${out.dir}/rootfs`;
        // The interrupted step's mount (/m/148, recorded only by its intent) is setup's: it stays
        // only because the user's tmpfs sits on it; everything else of setup's is gone.
        expect(out.oursLeft).toEqual([rootfs, `${rootfs}/m/147`, `${rootfs}/m/148`].sort());
      },
      { timeout: 120_000 },
    );
    mountTest(
      "after kill -9 between attach and record, on a destination through a symlink in the rootfs, teardown finds that mount where it is",
      () => {
        const out = run("crash-through-symlink", proof);
        expect(out.signal).toBe("SIGKILL");
        const rootfs = `${out.dir}/rootfs`;
        expect(out.before).toEqual([rootfs, `${rootfs}/m/0`, `${rootfs}/real/x`].sort());
        expect(out.teardown.error).toBeUndefined();
        expect(out.left).toEqual([]);
        expect(out.realX).toBe(false); // the mountpoint setup created is removed too
      },
    );
    mountTest(
      "teardown --dry-run says what it would unmount, leave and remove, and does nothing",
      () => {
        const out = run("dry-run", proof);
        const rootfs = `${out.dir}/rootfs`;
        expect(out.clean.stale).toBe(false);
        expect(out.clean.fastPath).toBe(true);
        expect(out.clean.unmount).toMatchObject([{ why: "root.path", at: rootfs }]);
        expect(out.clean.foreign).toEqual([]);
        expect(out.clean.remove.length).toBeGreaterThan(0);
        expect(out.cleanUntouched).toBe(true);
        // With a user's tmpfs on mounts[2]: that one and the self-bind stay, the other 7 go.
        expect(out.blocked.fastPath).toBe(false);
        expect(out.blocked.unmount.map((u: { why: string }) => u.why).sort()).toEqual([
          "mounts[0]",
          "mounts[1]",
          "mounts[3]",
          "mounts[4]",
          "mounts[5]",
          "mounts[6]",
          "mounts[7]",
        ]);
        expect(out.blocked.foreign).toMatchObject([{ at: `${rootfs}/m/2/user`, on: "mounts[2]" }]);
        expect(out.blocked.remove).toEqual([]);
        expect(out.blockedUntouched).toBe(true);
        expect(out.journalKept).toBe("set-up");
        // The real teardown then does what the dry run said.
        expect(out.real.error.code).toBe("EFOREIGN");
        expect(out.userStill).toEqual([`${rootfs}/m/2/user`]);
      },
    );
    mountTest(
      "no stacking: a second bundle on a set-up rootfs, or the same bundle with another state dir, is refused",
      () => {
        const out = run("two-bundles", proof);
        expect(out.second.code).toBe("EALREADY");
        expect(out.second.message).toContain(`journal ${out.dir}/state/`);
        expect(out.mountsAfterSecond).toBe(11);
        expect(out.again.error.code).toBe("EALREADY");
        expect(out.again.error.message).toContain("bound onto itself");
        expect(out.mountsAfterAgain).toBe(11);
        expect(out.first.unmounted).toBe(11);
        expect(out.left).toEqual([]);
      },
    );
    mountTest(
      "teardown from another mount namespace is refused, naming both; nothing removed",
      () => {
        const out = run("other-namespace", proof);
        expect(out.there.status).toBe("foreign-namespace");
        expect(out.there.code).toBe("ENAMESPACE");
        expect(out.there.message).toMatch(/set up in mnt:\[\d+\], this is mnt:\[\d+\]/);
        expect(out.mountsHere).toBe(7);
        expect(out.createdStillThere).toBe(true);
        expect(out.teardownHere.unmounted).toBe(7);
        expect(out.leftHere).toEqual([]);
      },
    );
    mountTest(
      "a renamed bundle finds its journal by device and inode; list, status and teardown see it",
      () => {
        const out = run("renamed", proof);
        // list knows only the recorded path: the bundle shows as moved (its mounts, as seen at
        // their new place, as drifted with 64-bit IDs; the older proof cannot follow them).
        expect(out.listed).toEqual([
          {
            state: proof === "unique" ? "drifted" : "stale",
            bundle: "moved",
            namespace: expect.stringMatching(/^mnt:\[\d+\]$/),
          },
        ]);
        expect(out.status).toBe("set-up");
        expect(out.teardown.unmounted).toBe(7);
        expect(out.left).toEqual([]);
      },
    );
  });
}

describe("trusted state", () => {
  mountTest(
    "planted journals (world-writable dir, group-writable journal, symlinks) are refused, nothing touched",
    () => {
      const out = run("planted", "unique");
      for (const v of [
        "worldWritable",
        "groupWritableJournal",
        "symlinkJournal",
        "symlinkStateDir",
      ]) {
        expect(out.variants[v].result.error.code).toBe("EUNSAFE");
        expect(out.variants[v].mountsLeft).toBe(5);
      }
      expect(out.ownTeardown.unmounted).toBe(5);
      expect(out.left).toEqual([]);
    },
  );
  mountTest(
    `a state dir or journal owned by another user (ocitest) is refused${otherUid() ? "" : " [skipped: no user ocitest]"}`,
    () => {
      const uid = otherUid();
      if (!uid) return;
      const out = run("planted", "unique", { OTHER_UID: uid });
      for (const v of ["otherUsersDir", "otherUsersJournal"]) {
        expect(out.variants[v].result.error.code).toBe("EUNSAFE");
        expect(out.variants[v].result.error.message).toContain(`owned by uid ${uid}`);
        expect(out.variants[v].mountsLeft).toBe(5);
      }
    },
    { onlyRoot: true },
  );
  mountTest(
    "root.path / (or an ancestor of /), a symlink rootfs, a state dir inside the rootfs: refused before anything",
    () => {
      const out = run("refused", "unique");
      expect(out.results.rootIsSlash.error.code).toBe("EINVALID");
      expect(out.results.rootIsAncestorOfSlash.error.code).toBe("EINVALID");
      expect(out.results.rootIsSymlink.error.message).toContain("symlink");
      expect(out.results.stateDirInsideRootfs.error.code).toBe("EUNSAFE");
      expect(out.results.stateDirIsRootfs.error.code).toBe("EUNSAFE");
      for (const k of Object.keys(out.results).filter((k) => k.endsWith("Mounts")))
        expect(out.results[k]).toBe(0);
      expect(out.createdInRootfs).toBe(false);
    },
  );
});

if (namespaceMode === "userns")
  console.warn("[ownership] as an ordinary user: the other-user state dir case needs root (chown)");

test("an old-format (version 1) journal is refused, naming --forget, which discards it unread", async () => {
  const dir = makeBundle({ rootfs: directory });
  made.push(dir);
  const stateDir = `${dir}/state`;
  mkdirSync(stateDir, { mode: 0o700 });
  const path = journalPath(dir, stateDir);
  writeFileSync(path, `${JSON.stringify({ t: "begin", v: 1, bundleDir: dir, steps: [] })}\n`, {
    mode: 0o600,
  });
  let error: { code?: string; message?: string } = {};
  try {
    await teardown(dir, { stateDir });
  } catch (err) {
    error = err as typeof error;
  }
  expect(error.code).toBe("EJOURNAL");
  expect(error.message).toContain("teardown --forget");
  expect(await teardown(dir, { stateDir, forget: true })).toMatchObject({ forgotten: true });
  expect(await teardown(dir, { stateDir })).toMatchObject({ alreadyTornDown: true });
});
