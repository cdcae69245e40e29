// Peak memory of `ocimount setup` and `ocimount teardown` (the sealed executable, and the npm
// launcher's bundle under bun) at N bind mounts: each process's ru_maxrss from wait4(2), taken
// by bench/vs-crun/timed.c. Run as root: `bun bench/mounts/rss.ts [--sizes 100,1000,10000]`.
// Each size runs once per form in its own private mount namespace. Figures: README.md.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { flag } from "../benchArgs.ts";
import { buildNpmForm, buildSealedExe } from "../buildCli.ts";
import { compileC } from "../vs-crun/tools.ts";
import { makeBenchBundle, removeBenchBundle } from "./benchBundle.ts";

const SIZES = flag("--sizes", "100,1000,10000").split(",").map(Number);
const here = fileURLToPath(new URL(".", import.meta.url));
const buildDir = join(here, "..", ".build", "rss");
mkdirSync(buildDir, { recursive: true });
const timed = compileC(join(here, "..", "vs-crun"), buildDir, "timed");
const forms: Record<string, string[]> = {
  "sealed executable": [buildSealedExe(join(buildDir, "exe"))],
  "npm bundle under bun": [process.execPath, buildNpmForm(join(buildDir, "npm")).bundle],
};

console.log(
  "| N | form | setup (ms) | setup peak RSS (MiB) | teardown (ms) | teardown peak RSS (MiB) |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
for (const n of SIZES) {
  const bundle = makeBenchBundle(n);
  try {
    for (const [name, argv] of Object.entries(forms)) {
      const common = ["--bundle", bundle, "--state-dir", join(bundle, ".state")];
      const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
      const line = (cmd: string) => [timed, ...argv, cmd, ...common].map(q).join(" ");
      const script = `${line("setup")} || exit 1\n${line("teardown")} || exit 1`;
      const r = Bun.spawnSync(
        ["unshare", "-m", "--propagation", "private", "--", "sh", "-c", script],
        {
          stdout: "pipe",
          stderr: "pipe",
        },
      );
      if (r.exitCode !== 0) throw new Error(`${name} at N=${n}: ${r.stderr.toString()}`);
      const [s, t] = r.stdout
        .toString()
        .trim()
        .split("\n")
        .map((l) => l.split(" ").map(Number) as [number, number]);
      const mib = (kib: number) => (kib / 1024).toFixed(1);
      console.log(
        `| ${n} | ${name} | ${(s![0] / 1000).toFixed(1)} | ${mib(s![1])} | ${(t![0] / 1000).toFixed(1)} | ${mib(t![1])} |`,
      );
    }
  } finally {
    removeBenchBundle(bundle);
  }
}
