/**
 * @ocimount/mounter under attack and after a crash, in private mount namespaces: teardown after
 * kill -9 during a setup of thousands of mounts, and a symlink-exchange race during repeated
 * setups that must never get a mount outside the rootfs.
 */
import { afterAll, expect } from "bun:test";
import { join } from "node:path";
import { directory, file, link, removeTree } from "@ocimount/test-utils";
import { makeBundle } from "./fixtures/mounter/bundle.ts";
import { mountTest, runInNamespace } from "./helpers/namespace.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) removeTree(dir);
});
const fixture = (name: string) => join(import.meta.dir, "fixtures/mounter", name);

mountTest(
  "teardown after kill -9 during a setup of 3000 mounts removes every mount and the journal",
  () => {
    const dir = makeBundle({ rootfs: directory, shared: directory });
    made.push(dir);
    const r = runInNamespace([
      "bun",
      fixture("killDuringSetup.ts"),
      dir,
      `${dir}/.state`,
      "3000",
      "1500",
    ]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.signal).toBe("SIGKILL");
    expect(out.mountsBefore).toBeGreaterThan(1);
    expect(out.teardown.error).toBeUndefined();
    expect(out.left).toEqual([]);
    expect(out.journalLeft).toBe(false);
    const find = Bun.spawnSync(["find", `${dir}/rootfs`])
      .stdout.toString()
      .trim();
    expect(find).toBe(`${dir}/rootfs`);
  },
  { timeout: 120_000 },
);

mountTest(
  "a symlink-exchange race during 150 setups never gets a mount outside the rootfs",
  () => {
    const dir = makeBundle({
      "rootfs/a/dir": directory,
      "rootfs/a/link": link("../../../outside"),
      outside: directory,
      "shared/f": file("x"),
    });
    made.push(dir);
    const r = runInNamespace(["bun", fixture("symlinkRace.ts"), dir, `${dir}/.state`, "150"]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.racerRan).toBe(true);
    expect(out.escaped).toBe(0);
    expect(out.outsideEntries).toEqual([]);
    expect(out.left).toBe(0);
    expect(out.ok + out.failed).toBe(150);
    expect(out.ok).toBeGreaterThan(0);
  },
  { timeout: 120_000 },
);
