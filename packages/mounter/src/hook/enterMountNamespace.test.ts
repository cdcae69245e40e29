import { afterAll, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const UNSHARE = ["unshare", "-m", "--propagation", "private", "--"];
const isRoot = process.getuid?.() === 0;
/** The target's namespace: as an ordinary user, a mount namespace in a user namespace. */
const TARGET = isRoot ? UNSHARE : ["unshare", "-Urm", "--propagation", "private", "--"];
const canRun = Bun.spawnSync([...TARGET, "true"], { stderr: "ignore" }).exitCode === 0;
const skipped = isRoot ? "unshare -m failed" : "not root and unshare -Urm failed";
/**
 * The fixture's own private mount namespace. setns(2) needs CAP_SYS_ADMIN over the target's
 * namespace: as an ordinary user the fixture first joins the target's user namespace.
 */
const beside = (pid: number) =>
  isRoot
    ? UNSHARE
    : ["nsenter", "-t", String(pid), "-U", "--preserve-credentials", "--", ...UNSHARE];
const sleepers: Bun.Subprocess[] = [];
afterAll(() => {
  for (const s of sleepers) s.kill(9);
});

test.skipIf(!canRun)(
  `bun must unshare(CLONE_FS) before setns(CLONE_NEWNS); enterMountNamespace does${canRun ? "" : ` [skipped: ${skipped}]`}`,
  async () => {
    const target = Bun.spawn([...TARGET, "sleep", "600"], { stdout: "ignore" });
    sleepers.push(target);
    // Wait until it runs `sleep`: unshare has then made its namespaces, written the user
    // namespace's uid_map and made its mounts private. A different ns/mnt alone is too early: a
    // process joining then finds an unmapped user namespace (EPERM) or still-shared mounts.
    while (readFileSync(`/proc/${target.pid}/comm`, "utf8") !== "sleep\n") await Bun.sleep(5);
    const script = join(import.meta.dir, "enterMountNamespace.fixture.ts");
    const r = Bun.spawnSync([...beside(target.pid), "bun", script, String(target.pid)], {
      stdout: "pipe",
      stderr: "pipe",
    });
    expect(r.stderr.toString()).toBe("");
    const out = JSON.parse(r.stdout.toString());
    expect(out).toEqual({
      ownAgain: false, // already there: no setns at all
      bareSetns: "EINVAL", // bun's threads share the fs struct (setns(2), EINVAL)
      entered: true,
      now: out.target, // this thread is in the target's namespace now
      target: expect.stringMatching(/^mnt:\[\d+\]$/),
      enteredAgain: false,
    });
  },
);
