// The library without process starts: `setup` then `teardown` of N bind mounts, repeated in ONE
// bun process (its own private mount namespace: it re-runs itself under `unshare -m`), against
// the C program of run.ts spawned from the same process in the same namespace, alternately.
// The first round (cold: nothing compiled by the JIT yet) is reported apart from the median
// of the others. Run as root after run.ts (which builds the C program):
// `bun bench/mounts/inProcess.ts [--rounds 9] [--sizes 100,1000,10000]`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// bench/ is not a workspace package, so it reaches the sources by path (like examples/).
import { setup, teardown } from "../../packages/mounter/src/index.ts";
import { makeBenchBundle, median, removeBenchBundle } from "./benchBundle.ts";

if (!process.argv.includes("--in-namespace")) {
  const self = [...process.argv.slice(1), "--in-namespace"];
  const argv = ["unshare", "-m", "--propagation", "private", "--", "bun", ...self];
  const r = Bun.spawnSync(argv, { stdout: "inherit", stderr: "inherit" });
  process.exit(r.exitCode ?? 1);
}

const flag = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const ROUNDS = Number(flag("--rounds", "9"));
const SIZES = flag("--sizes", "100,1000,10000").split(",").map(Number);
const binary = join(fileURLToPath(new URL(".", import.meta.url)), "..", ".build", "mounts-c");

const rows: string[] = [];
for (const n of SIZES) {
  const bundleDir = makeBenchBundle(n);
  const stateDir = join(bundleDir, ".state");
  try {
    const rounds = n >= 10_000 ? Math.max(3, Math.ceil(ROUNDS / 2)) : ROUNDS;
    const cMs: number[] = [];
    const setupMs: number[] = [];
    const teardownMs: number[] = [];
    for (let r = 0; r <= rounds; r++) {
      let t = performance.now();
      const c = Bun.spawnSync([
        binary,
        join(bundleDir, "rootfs"),
        join(bundleDir, "shared"),
        `${n}`,
      ]);
      if (c.exitCode !== 0) throw new Error(`C program failed: ${c.stderr.toString()}`);
      cMs.push(performance.now() - t);
      t = performance.now();
      // What `ocimount setup` does after its checks: read the config, plan, set up.
      const config = JSON.parse(readFileSync(join(bundleDir, "config.json"), "utf8"));
      await setup({ config, bundleDir }, { stateDir });
      setupMs.push(performance.now() - t);
      t = performance.now();
      await teardown(bundleDir, { stateDir });
      teardownMs.push(performance.now() - t);
    }
    const [cold, ...warm] = setupMs.map((s, i) => s + teardownMs[i]!);
    const [mc, mo] = [median(cMs.slice(1)), median(warm)];
    const [ms, mt] = [median(setupMs.slice(1)), median(teardownMs.slice(1))];
    const us = (ms: number) => ((ms * 1000) / n).toFixed(1);
    rows.push(
      `| ${n} | ${mc.toFixed(1)} | ${mo.toFixed(1)} | ${ms.toFixed(1)} | ${mt.toFixed(1)} | ${(mo / mc).toFixed(1)}x | ${cold!.toFixed(1)} | ${us(mc)} | ${us(mo)} | ${rounds} |`,
    );
  } finally {
    removeBenchBundle(bundleDir);
  }
}
console.log(
  "| N | C, spawned (ms) | setup + teardown (ms) | setup (ms) | teardown (ms) | ratio | first round (ms) | C us/mount | ocimount us/mount | rounds |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
