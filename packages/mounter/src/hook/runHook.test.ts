/**
 * The hook engine against the real kernel. A `sleep` in its own private mount namespace stands
 * in for the container; the hook driver runs in another private namespace and must move into
 * the sleeper's (setns from a threaded bun process: unshare(CLONE_FS) first). Everything is
 * read back from /proc/<sleeper>/mountinfo; the namespaces die with their processes. As an
 * ordinary user the sleeper is in a user namespace of its own and the driver joins it first.
 */
import { afterAll, expect, test } from "bun:test";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseMountInfo } from "@ocimount/mount-flags";

const DRIVER = join(import.meta.dir, "hookDriver.fixture.ts");
const UNSHARE = ["unshare", "-m", "--propagation", "private", "--"];
const isRoot = process.getuid?.() === 0;
/** The sleeper's namespace: as an ordinary user, a mount namespace in a user namespace. */
const CONTAINER = isRoot ? UNSHARE : ["unshare", "-Urm", "--propagation", "private", "--"];
const canRun = Bun.spawnSync([...CONTAINER, "true"], { stderr: "ignore" }).exitCode === 0;
const skipped = isRoot ? "unshare -m failed" : "not root and unshare -Urm failed";
const nsTest = (name: string, fn: () => Promise<void>) =>
  test.skipIf(!canRun)(canRun ? name : `${name} [skipped: ${skipped}]`, fn, 60_000);

/**
 * The driver's own private mount namespace. setns(2) needs CAP_SYS_ADMIN over the sleeper's
 * namespaces: as an ordinary user the driver first joins the sleeper's user namespace (keeping
 * its credentials: that namespace denies setgroups), as a hook started inside it would be.
 */
const beside = (pid: number) =>
  isRoot
    ? UNSHARE
    : ["nsenter", "-t", String(pid), "-U", "--preserve-credentials", "--", ...UNSHARE];

const sleepers: Bun.Subprocess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const s of sleepers) s.kill(9);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A process in a fresh private mount namespace (the "container"); resolves once it is there. */
async function container(): Promise<number> {
  const p = Bun.spawn([...CONTAINER, "sleep", "600"], { stdout: "ignore", stderr: "inherit" });
  sleepers.push(p);
  // Wait until it runs `sleep`: unshare has then made its namespaces, written the user
  // namespace's uid_map and made its mounts private. A different ns/mnt alone is too early: a
  // process joining then finds an unmapped user namespace (EPERM) or still-shared mounts.
  while (readFileSync(`/proc/${p.pid}/comm`, "utf8") !== "sleep\n") await Bun.sleep(5);
  return p.pid;
}

function bundle(): { dir: string; rootfs: string } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "ocimount-hook-engine-")));
  dirs.push(dir);
  const rootfs = join(dir, "rootfs");
  mkdirSync(join(rootfs, "etc"), { recursive: true });
  writeFileSync(join(rootfs, "etc", "file"), "x");
  mkdirSync(join(dir, "src", "inner"), { recursive: true });
  writeFileSync(
    join(dir, "config.json"),
    JSON.stringify({ ociVersion: "1.3.0", root: { path: "rootfs" } }),
  );
  return { dir, rootfs };
}

/** Runs the driver for container `pid`, beside the namespaces of `near` (by default `pid`). */
function runDriver(dir: string, pid: number, mounts: unknown, before = "", near = pid) {
  const file = join(dir, "mounts.json");
  writeFileSync(file, JSON.stringify(mounts));
  const state = { ociVersion: "1.3.0", id: "c1", status: "creating", pid, bundle: dir };
  const script = `${before}\nexec bun "${DRIVER}" "${file}"`;
  const r = Bun.spawnSync([...beside(near), "sh", "-c", script], {
    stdin: new TextEncoder().encode(JSON.stringify(state)),
    stdout: "pipe",
    stderr: "pipe",
  });
  if (r.exitCode !== 0) throw new Error(`driver failed: ${r.stderr.toString()}`);
  return JSON.parse(r.stdout.toString());
}

const mountsOf = (pid: number) =>
  parseMountInfo(readFileSync(`/proc/${pid}/mountinfo`, "utf8")).map((m) => m.mountPoint);

nsTest(
  "a threaded bun process joins the container's mount namespace and mounts there",
  async () => {
    const { dir, rootfs } = bundle();
    const pid = await container();
    const submount = `mount -t tmpfs -o size=1m hook-sub "${dir}/src/inner"`;
    const out = runDriver(
      dir,
      pid,
      [
        { destination: "/data", type: "bind", source: `${dir}/src`, options: ["rbind", "rro"] },
        { destination: "/run", type: "tmpfs", source: "tmpfs", options: ["size=1m"] },
      ],
      submount,
    );
    expect(out.error).toBeUndefined();
    expect(out.result.enteredNamespace).toBe(true);
    expect(out.result.mounts.map((m: { why: string }) => m.why)).toEqual([
      "mounts[0]",
      "mounts[1]",
    ]);
    const there = mountsOf(pid);
    expect(there).toEqual(
      expect.arrayContaining([`${rootfs}/data`, `${rootfs}/data/inner`, `${rootfs}/run`]),
    );
    // nothing in ours (the test's namespace)
    expect(mountsOf(process.pid).filter((m) => m.startsWith(dir))).toEqual([]);
  },
);

nsTest(
  "a failing step undoes every mount (with submounts) and mountpoint the hook made",
  async () => {
    const { dir, rootfs } = bundle();
    const pid = await container();
    const before = mountsOf(pid);
    const submount = `mount -t tmpfs -o size=1m hook-sub "${dir}/src/inner"`;
    const out = runDriver(
      dir,
      pid,
      [
        { destination: "/new/a", type: "bind", source: `${dir}/src`, options: ["rbind"] },
        { destination: "/new/b", type: "tmpfs", source: "tmpfs" },
        { destination: "/etc/file/below", type: "tmpfs", source: "tmpfs" },
      ],
      submount,
    );
    expect(out.error.name).toBe("MountError");
    expect(out.error.message).toStartWith("mounts[2]: ");
    expect(out.error.message).toContain("ENOTDIR");
    expect(out.error.rollback).toBeNull();
    expect(mountsOf(pid)).toEqual(before);
    expect(existsSync(join(rootfs, "new"))).toBe(false);
  },
);

nsTest("a pid that is gone is refused before anything is opened or mounted", async () => {
  const { dir } = bundle();
  const dead = Bun.spawnSync(["sh", "-c", "echo $$"]).stdout.toString().trim();
  // a live sleeper to stand beside (an ordinary user joins its user namespace), a dead pid to find
  const near = await container();
  const out = runDriver(dir, Number(dead), [{ destination: "/x", type: "tmpfs" }], "", near);
  expect(out.error).toMatchObject({ name: "HookError", code: "ESRCH" });
});
