/**
 * `ocimount hook` given bad input while a "container" (a sleep in its own private mount
 * namespace) is live: each is refused with exit 1 and one line on stderr, and neither the
 * container's mount table nor the hook's own changes. The hook runs in a private namespace of
 * its own, so even a wrong mount could not reach the machine's table. As an ordinary user the
 * container is in a user namespace and the hook joins it first (helpers/namespace.ts).
 */
import { afterAll, expect } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN } from "./fixtures/hook/runc.ts";
import { besidePrefix, mountTest, unsharePrefix } from "./helpers/namespace.ts";

const sleepers: Bun.Subprocess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const s of sleepers) s.kill(9);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function container(): Promise<number> {
  const p = Bun.spawn([...unsharePrefix(), "sleep", "600"], { stdout: "ignore" });
  sleepers.push(p);
  // Wait until it runs `sleep`: unshare has then made its namespaces, written the user
  // namespace's uid_map and made its mounts private. A different ns/mnt alone is too early: a
  // process joining then finds an unmapped user namespace (EPERM) or still-shared mounts.
  while (readFileSync(`/proc/${p.pid}/comm`, "utf8") !== "sleep\n") await Bun.sleep(5);
  return p.pid;
}

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "ocimount-hook-bad-"));
  dirs.push(dir);
  mkdirSync(join(dir, "rootfs"));
  writeFileSync(
    join(dir, "config.json"),
    JSON.stringify({ ociVersion: "1.3.0", root: { path: "rootfs" } }),
  );
  writeFileSync(join(dir, "mounts.json"), JSON.stringify([{ destination: "/t", type: "tmpfs" }]));
  return dir;
}

const deadPid = () => Number(Bun.spawnSync(["sh", "-c", "echo $$"]).stdout.toString().trim());
const state = (fields: Record<string, unknown>) =>
  JSON.stringify({ ociVersion: "1.0.2", id: "c1", status: "creating", ...fields });

interface Case {
  name: string;
  stdin: (dir: string, pid: number) => string;
  mounts?: (dir: string) => string;
  /** The error line must match. */
  line: RegExp;
}

const CASES: Case[] = [
  {
    name: "state is not JSON",
    stdin: () => "{not json",
    line: /\(stdin:1:2\): EJSON \(not JSON: /,
  },
  {
    name: "state without pid",
    stdin: (dir) => state({ bundle: dir }),
    line: /: ENOPID \(the state has no pid/,
  },
  {
    name: "the container's pid is gone",
    stdin: (dir) => state({ bundle: dir, pid: deadPid() }),
    line: /find container failed \(\/proc\/\d+\): ESRCH/,
  },
  {
    name: "invalid mounts for a live container",
    stdin: (dir, pid) => state({ bundle: dir, pid }),
    mounts: (dir) => {
      writeFileSync(join(dir, "bad.json"), JSON.stringify([{ type: "tmpfs" }]));
      return join(dir, "bad.json");
    },
    line: /read mounts failed \(.*bad\.json \/0\/destination\): EINVALID/,
  },
  {
    name: "a missing source for a live container (found before entering it)",
    stdin: (dir, pid) => state({ bundle: dir, pid }),
    mounts: (dir) => {
      const m = [
        { destination: "/t", type: "tmpfs" },
        { destination: "/d", type: "bind", source: join(dir, "gone"), options: ["bind"] },
      ];
      writeFileSync(join(dir, "m2.json"), JSON.stringify(m));
      return join(dir, "m2.json");
    },
    // The bundle check, as setup's and plan's: found before anything is cloned.
    line: /bind source missing \(mounts\[1\] .*\/gone\): ENOENT \(errno 2, No such file or directory\)$/m,
  },
];

for (const c of CASES) {
  mountTest(`hook refuses ${c.name}: exit 1, one line, no mount anywhere`, async () => {
    const dir = workDir();
    const pid = await container();
    const theirsBefore = readFileSync(`/proc/${pid}/mountinfo`, "utf8");
    writeFileSync(join(dir, "state.json"), c.stdin(dir, pid));
    const mounts = c.mounts?.(dir) ?? join(dir, "mounts.json");
    const script = [
      `cat /proc/self/mountinfo > "${dir}/before"`,
      `bun "${BIN}" hook --mounts "${mounts}" < "${dir}/state.json"`,
      "rc=$?",
      `cat /proc/self/mountinfo > "${dir}/after"`,
      "exit $rc",
    ].join("\n");
    const r = Bun.spawnSync([...besidePrefix(pid), "sh", "-c", script], {
      stdout: "pipe",
      stderr: "pipe",
    });
    const stderr = r.stderr.toString();
    expect(stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(stderr).toMatch(/^ocimount: hook: /);
    expect(stderr).toMatch(c.line);
    expect(r.exitCode).toBe(1);
    expect(readFileSync(`/proc/${pid}/mountinfo`, "utf8")).toBe(theirsBefore);
    expect(readFileSync(join(dir, "after"), "utf8")).toBe(
      readFileSync(join(dir, "before"), "utf8"),
    );
  });
}
