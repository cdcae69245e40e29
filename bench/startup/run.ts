// Benchmark: the start-up of each form of ocimount, `ocimount --version`, `ocimount plan` and
// `ocimount validate` of examples/bundle, side by side with `bun -e 0`:
//   - the sealed executable (its static front, which refuses Bun's variables, then execs
//     ocimount-bun), and ocimount-bun alone (so the front's own cost shows);
//   - the npm launcher (dist/bin/ocimount: /bin/sh, readlink, then bun --config --no-env-file);
//   - the plain bundle (`bun dist/bin/ocimount.js`, what the package ran before the launcher).
// Each round runs every contender once, in a rotating order; medians of wall time and of CPU time
// (user + system, from the child's rusage). Needs no root.
// Run: `bun bench/startup/run.ts [--rounds 21] [--against DIR]`. Builds into bench/.build/startup/.
// `--against DIR` also times the sealed executable built from another checkout (say a
// `git worktree add` of an older commit), in the same rounds: before and after. Figures: README.md.
import { join, resolve } from "node:path";
import { buildNpmForm, buildSealedExe } from "../buildCli.ts";

const at = process.argv.indexOf("--rounds");
const ROUNDS = at > 0 ? Number(process.argv[at + 1]) : 21;
const against = process.argv.indexOf("--against");
const AGAINST = against > 0 ? resolve(process.argv[against + 1] ?? ".") : undefined;
const ROOT = join(import.meta.dir, "..", "..");
const BUILD = join(ROOT, "bench", ".build", "startup");
const BUNDLE = join(ROOT, "examples", "bundle");

const npm = buildNpmForm(join(BUILD, "npm"));
const front = buildSealedExe(join(BUILD, "exe"));
const payload = join(front, "..", "ocimount-bun");
const bun = process.execPath;

/** The sealed executable of the checkout at `dir`, built by that checkout's own build code. */
function buildSealedAt(dir: string, outDir: string): string {
  const code = `import { buildSealedExe } from ${JSON.stringify(join(dir, "bench", "buildCli.ts"))};
console.log(buildSealedExe(${JSON.stringify(outDir)}));`;
  const r = Bun.spawnSync([bun, "-e", code], { cwd: dir, stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`build in ${dir} failed: ${r.stderr.toString()}`);
  return r.stdout.toString().trim().split("\n").at(-1) ?? "";
}

const forms: Record<string, string[]> = {
  ...(AGAINST
    ? { [`sealed executable of ${AGAINST}`]: [buildSealedAt(AGAINST, join(BUILD, "against"))] }
    : {}),
  "sealed executable (front + ocimount-bun)": [front],
  "ocimount-bun alone (no front)": [payload],
  "npm launcher (dist/bin/ocimount)": [npm.launcher],
  "plain bundle (bun dist/bin/ocimount.js)": [bun, npm.bundle],
};
const commands: Record<string, string[]> = {
  "--version": ["--version"],
  plan: ["plan", "--bundle", BUNDLE],
  validate: ["validate", BUNDLE],
};

interface Sample {
  wall: number;
  cpu: number;
}
const samples = new Map<string, Sample[]>();

function time(argv: string[]): Sample {
  const t0 = performance.now();
  const r = Bun.spawnSync(argv, {
    stdout: "ignore",
    stderr: "pipe",
    env: { PATH: process.env.PATH ?? "" },
  });
  const wall = performance.now() - t0;
  if (r.exitCode !== 0) throw new Error(`${argv.join(" ")} failed: ${r.stderr.toString()}`);
  const cpu = r.resourceUsage
    ? (Number(r.resourceUsage.cpuTime.user) + Number(r.resourceUsage.cpuTime.system)) / 1000
    : Number.NaN;
  return { wall, cpu };
}

const contenders: [string, string[]][] = [["bun -e 0", [bun, "-e", "0"]]];
for (const [form, argv] of Object.entries(forms))
  for (const [command, args] of Object.entries(commands))
    contenders.push([`${form}|${command}`, [...argv, ...args]]);

for (const [, argv] of contenders) time(argv); // warm the page cache
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < contenders.length; i++) {
    const [name, argv] = contenders[(i + round) % contenders.length]!;
    const list = samples.get(name) ?? [];
    list.push(time(argv));
    samples.set(name, list);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const cell = (name: string) => {
  const list = samples.get(name)!;
  return `${median(list.map((s) => s.wall)).toFixed(1)} / ${median(list.map((s) => s.cpu)).toFixed(1)}`;
};

console.log(
  `rounds: ${ROUNDS}, load average: ${(await Bun.file("/proc/loadavg").text()).split(" ").slice(0, 3).join(" ")}`,
);
console.log(
  `bun ${Bun.version}, ${process.platform}-${process.arch}; figures are median wall / CPU ms`,
);
console.log("");
console.log("| form | `--version` (ms) | `plan` (ms) | `validate` (ms) |");
console.log("| --- | --- | --- | --- |");
console.log(`| \`bun -e 0\` | ${cell("bun -e 0")} | | |`);
for (const form of Object.keys(forms))
  console.log(
    `| ${form} | ${cell(`${form}|--version`)} | ${cell(`${form}|plan`)} | ${cell(`${form}|validate`)} |`,
  );
