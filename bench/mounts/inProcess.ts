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
import { flag, rerunInPrivateNamespace } from "../benchArgs.ts";
import { makeBenchBundle, median, removeBenchBundle } from "./benchBundle.ts";

rerunInPrivateNamespace();

const ROUNDS = Number(flag("--rounds", "9"));
const SIZES = flag("--sizes", "100,1000,10000").split(",").map(Number);
const build = join(fileURLToPath(new URL(".", import.meta.url)), "..", ".build");
const binary = join(build, "mounts-c");
/** run.ts's C program making ocimount's fd-based syscalls (the floor of its design). */
const fdBinary = join(build, "mounts-fd");

const rows: string[] = [];
for (const n of SIZES) {
  const bundleDir = makeBenchBundle(n);
  const stateDir = join(bundleDir, ".state");
  try {
    const rounds = n >= 10_000 ? Math.max(3, Math.ceil(ROUNDS / 2)) : ROUNDS;
    const cMs: number[] = [];
    const cFdMs: number[] = [];
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
      const journal = join(bundleDir, "c-fd.journal");
      const fd = Bun.spawnSync([
        fdBinary,
        join(bundleDir, "rootfs"),
        join(bundleDir, "shared"),
        `${n}`,
        journal,
      ]);
      if (fd.exitCode !== 0) throw new Error(`C fd program failed: ${fd.stderr.toString()}`);
      cFdMs.push(performance.now() - t);
      Bun.spawnSync(["rm", "-f", journal]);
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
    const mf = median(cFdMs.slice(1));
    const [ms, mt] = [median(setupMs.slice(1)), median(teardownMs.slice(1))];
    const us = (ms: number) => ((ms * 1000) / n).toFixed(1);
    rows.push(
      `| ${n} | ${mc.toFixed(1)} | ${mf.toFixed(1)} | ${mo.toFixed(1)} | ${ms.toFixed(1)} | ${mt.toFixed(1)} | ${(mo / mc).toFixed(1)}x | ${(mo / mf).toFixed(2)}x | ${cold!.toFixed(1)} | ${us(mc)} | ${us(mf)} | ${us(mo)} | ${rounds} |`,
    );
  } finally {
    removeBenchBundle(bundleDir);
  }
}
console.log(
  "| N | C, spawned (ms) | C fd, spawned (ms) | setup + teardown (ms) | setup (ms) | teardown (ms) | ratio to C | ratio to C fd | first round (ms) | C us/mount | C fd us/mount | ocimount us/mount | rounds |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
