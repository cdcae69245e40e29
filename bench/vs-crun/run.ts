// Benchmark: `ocimount setup` + `ocimount teardown` (two processes) against `crun run` and
// `runc run` of the same bundle (runc spec's mounts, masked and read-only paths, read-only root,
// + N rbinds; /bin/true from busybox), with the C floor (floor.c: the same mounts by path with
// mount(2), in one process) and two bare `bun -e 0` starts as reference columns.
// Alternately, round by round, each run in a fresh private mount namespace.
// Run as root: `bun bench/vs-crun/run.ts [--rounds 11] [--binds 20,1000] [--exe PATH]`.
// Figures and how to read them: README.md.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { flag } from "../benchArgs.ts";
import { buildNpmForm, buildSealedExe } from "../buildCli.ts";
import { makeVsCrunBundle, type VsCrunBundle } from "./bundle.ts";
import { buildEmptyExe, compileC, findOrInstall } from "./tools.ts";

const ROUNDS = Number(flag("--rounds", "11"));
const BINDS = flag("--binds", "20,1000").split(",").map(Number);
const EXE = flag("--exe", "");

if (process.getuid?.() !== 0) {
  console.error("bench/vs-crun: run as root (crun, runc and setup mount)");
  process.exit(1);
}
const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "..", "..");
const buildDir = join(repo, "bench", ".build", "vs-crun");
mkdirSync(buildDir, { recursive: true });
const tools = findOrInstall(["cc", "busybox", "crun", "runc"]);
for (const t of ["cc", "busybox", "crun"]) {
  if (!tools[t]) throw new Error(`bench/vs-crun needs ${t}, not found and not installable`);
}
const timed = compileC(here, buildDir, "timed");
const floor = compileC(here, buildDir, "floor");
const npm = buildNpmForm(join(buildDir, "npm"));
const forms: Record<string, string[]> = {
  exe: [EXE || buildSealedExe(join(buildDir, "exe"))],
  npm: [npm.launcher],
  empty: buildEmptyExe(buildDir),
};
const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
/** crun refuses a cgroup v1 hybrid layout while the v2 hierarchy is mounted at unified. */
const PRELUDE = "umount /sys/fs/cgroup/unified 2>/dev/null";

/** One measured result: wall ms, peak RSS KiB and CPU ms (user + system) of each timed command. */
type Timing = { ms: number; rssKiB: number; cpuMs: number }[];

/** Runs `commands` (argv lists) under `timed` in one fresh private mount namespace. */
function inNamespace(commands: string[][], after = ""): Timing {
  const lines = commands.map((argv) => `${q(timed)} ${argv.map(q).join(" ")} || exit 1`);
  const script = [PRELUDE, ...lines, after].join("\n");
  const r = Bun.spawnSync(["unshare", "-m", "--propagation", "private", "--", "sh", "-c", script], {
    stdout: "pipe",
    stderr: "pipe",
  });
  if (r.exitCode !== 0) throw new Error(`${commands[0]!.join(" ")}: ${r.stderr.toString()}`);
  return r.stdout
    .toString()
    .trim()
    .split("\n")
    .map((line) => {
      const [us, rss, cpu] = line.split(" ").map(Number);
      return { ms: us! / 1000, rssKiB: rss!, cpuMs: cpu! / 1000 };
    });
}

let runId = 0;
/** Each contender: the commands of one run of it (a fresh container id, state dir). */
function contenders(b: VsCrunBundle): Record<string, () => Timing> {
  const state = join(b.dir, "state");
  const ocimount = (argv: string[]) => () =>
    inNamespace([
      [...argv, "setup", "--bundle", b.ocimount, "--state-dir", state],
      [...argv, "teardown", "--bundle", b.ocimount, "--state-dir", state],
    ]);
  const list: Record<string, () => Timing> = {
    floor: () => inNamespace([[floor, b.floorOps]]),
    "ocimount exe": ocimount(forms.exe!),
    "ocimount npm": ocimount(forms.npm!),
    crun: () => {
      const id = `bench-${process.pid}-${runId++}`;
      const root = join(state, "crun");
      return inNamespace(
        [[tools.crun!, "--cgroup-manager=disabled", "--root", root, "run", "--bundle", b.crun, id]],
        `${q(tools.crun!)} --root ${q(root)} delete -f ${id} >/dev/null 2>&1; true`,
      );
    },
    "2x empty exe": () => inNamespace([forms.empty!, forms.empty!]),
    "2x bun -e 0": () =>
      inNamespace([
        [process.execPath, "-e", "0"],
        [process.execPath, "-e", "0"],
      ]),
  };
  if (tools.runc) {
    list.runc = () => {
      const id = `bench-${process.pid}-${runId++}`;
      const root = join(state, "runc");
      return inNamespace(
        [[tools.runc!, "--root", root, "run", "--bundle", b.oci, id]],
        `${q(tools.runc!)} --root ${q(root)} delete -f ${id} >/dev/null 2>&1; true`,
      );
    };
  }
  return list;
}

/**
 * Which of runc spec's mounts ocimount cannot make here: tried once with the whole config;
 * if setup fails on the cgroup mount, the benchmark leaves that one out of ocimount's side (and
 * the C floor's) and says so. Returns the destinations to drop.
 */
function probeOcimount(busybox: string): string[] {
  const b = makeVsCrunBundle(0, busybox);
  try {
    inNamespace([
      [...forms.npm!, "setup", "--bundle", b.ocimount, "--state-dir", join(b.dir, "s")],
      [...forms.npm!, "teardown", "--bundle", b.ocimount, "--state-dir", join(b.dir, "s")],
    ]);
    return [];
  } catch (error) {
    const why = String((error as Error).message).trim();
    if (!why.includes("/sys/fs/cgroup")) throw error;
    console.error(
      `note: ocimount cannot mount runc spec's cgroup entry here; left out of its side`,
    );
    console.error(
      `      and of the C floor's (crun and runc still mount it): ${why.split("\n").at(-1)}`,
    );
    return ["/sys/fs/cgroup"];
  } finally {
    rmSync(b.dir, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (x: number) => x.toFixed(1);

/** One table row of medians by contender (`parts`: setup and teardown apart, when known). */
function tableRow(
  binds: number,
  m: (name: string) => number,
  part: ((name: string, i: number) => number) | undefined,
  runc: boolean,
): string {
  const ours = (name: string) =>
    part ? `${fmt(m(name))} (${fmt(part(name, 0))} + ${fmt(part(name, 1))})` : fmt(m(name));
  const crun = m("crun");
  return [
    binds,
    fmt(m("floor")),
    ours("ocimount exe"),
    ours("ocimount npm"),
    fmt(crun),
    runc ? fmt(m("runc")) : "-",
    fmt(m("2x empty exe")),
    fmt(m("2x bun -e 0")),
    `${(m("ocimount exe") / crun).toFixed(2)}x`,
    `${(m("ocimount npm") / crun).toFixed(2)}x`,
    ROUNDS,
  ].join(" | ");
}

const drop = probeOcimount(tools.busybox!);
const rows: string[] = [];
const cpuRows: string[] = [];
for (const binds of BINDS) {
  const b = makeVsCrunBundle(binds, tools.busybox!, drop);
  try {
    const runs = contenders(b);
    const names = Object.keys(runs);
    for (const name of names) runs[name]!(); // warm-up round, not counted (page cache, build)
    const total: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    const parts: Record<string, number[][]> = Object.fromEntries(names.map((n) => [n, []]));
    const rss: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let r = 0; r < ROUNDS; r++) {
      // Rotate who goes first, so no contender always runs right after the same other one.
      for (let k = 0; k < names.length; k++) {
        const name = names[(k + r) % names.length]!;
        const t = runs[name]!();
        total[name]!.push(t.reduce((s, x) => s + x.ms, 0));
        parts[name]!.push(t.map((x) => x.ms));
        rss[name]!.push(Math.max(...t.map((x) => x.rssKiB)));
        cpu[name]!.push(t.reduce((s, x) => s + x.cpuMs, 0));
      }
    }
    const m = (name: string) => median(total[name] ?? [NaN]);
    const part = (name: string, i: number) => median(parts[name]!.map((p) => p[i]!));
    for (const name of names) {
      console.error(
        `binds=${binds} ${name}: ${total[name]!.map(fmt).join(" ")} | CPU ${cpu[name]!.map(fmt).join(" ")} (peak RSS ${Math.round(median(rss[name]!) / 1024)} MiB)`,
      );
    }
    const cpuOf = (name: string) => median(cpu[name] ?? [NaN]);
    rows.push(tableRow(binds, m, part, tools.runc !== undefined));
    cpuRows.push(tableRow(binds, cpuOf, undefined, tools.runc !== undefined));
  } finally {
    rmSync(b.dir, { recursive: true, force: true });
  }
}
const HEADER =
  "| binds | C floor | ocimount exe: setup + teardown | ocimount npm launcher | crun run | runc run | 2x empty exe | 2x bun -e 0 | exe / crun | npm / crun | rounds |";
const RULE = "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";
console.log(
  `Wall time, median ms (load average ${(await Bun.file("/proc/loadavg").text()).split(" ").slice(0, 3).join(" ")}):\n`,
);
console.log(HEADER);
console.log(RULE);
for (const row of rows) console.log(`| ${row} |`);
console.log("\nCPU time (user + system, every thread), median ms:\n");
console.log(HEADER);
console.log(RULE);
for (const row of cpuRows) console.log(`| ${row} |`);
if (drop.length > 0)
  console.log(`\nLeft out of ocimount's side and the C floor: ${drop.join(", ")}`);
