// Teardown's removal of the mountpoints setup created: N binds onto /m/<i> of a rootfs that
// has no /m, so setup creates N + 1 directories and teardown detaches its tree and removes
// them. Times the library's `teardown` in one process (its own private mount namespace) against
// removal.c, the same rmdirs in C (after a detach, with no mount, with held fds closed by one
// thread or by 8), on the bundle's filesystem and on /dev/shm (tmpfs), alternately.
// `--baseline DIR` also times the teardown of another checkout (e.g. a worktree of the commit
// before a change), alternately with this one, on its own bundle.
// Run as root: `bun bench/mounts/removal.ts [--n 1000] [--rounds 5] [--baseline DIR]`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// bench/ is not a workspace package, so it reaches the sources by path (like examples/).
import { setup, teardown } from "../../packages/mounter/src/index.ts";
import { flag, rerunInPrivateNamespace } from "../benchArgs.ts";
import { makeBenchBundle, median } from "./benchBundle.ts";

rerunInPrivateNamespace();

const N = Number(flag("--n", "1000"));
const ROUNDS = Number(flag("--rounds", "5"));
const here = fileURLToPath(new URL(".", import.meta.url));
const build = join(here, "..", ".build");
const binary = join(build, "removal");
mkdirSync(build, { recursive: true });
const cc = Bun.spawnSync(["cc", "-O2", "-pthread", "-o", binary, join(here, "removal.c")]);
if (cc.exitCode !== 0) throw new Error(`cc failed: ${cc.stderr.toString()}`);

const samples = new Map<string, number[]>();
const add = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), ms]);
const cForms: ReadonlyArray<[string, string[]]> = [
  ["C: detach, then rmdir each", ["detach"]],
  ["C: rmdir each, no mount", ["plain"]],
  ["C: fd held across each rmdir, closed by 1 thread", ["held", "1"]],
  ["C: fd held across each rmdir, closed by 8 threads", ["held", "8"]],
];
const baselineDir = flag("--baseline", "");
const contenders: Array<[string, typeof setup, typeof teardown]> = [
  ["ocimount teardown (detach + remove N+1 created)", setup, teardown],
];
if (baselineDir) {
  const base = await import(join(baselineDir, "packages/mounter/src/index.ts"));
  contenders.push(["ocimount teardown, baseline", base.setup, base.teardown]);
}
// N binds of ./shared onto /m/<i>, none of whose mountpoints exists yet (setup creates them).
const bundle = makeBenchBundle(N, { mountpoints: false });
const shm = mkdtempSync("/dev/shm/bench-removal-");
try {
  for (let r = 0; r < ROUNDS; r++) {
    const stateDir = join(bundle, ".state");
    const config = JSON.parse(readFileSync(join(bundle, "config.json"), "utf8"));
    let t = 0;
    for (const [name, setUp, tearDown] of r % 2 ? [...contenders].reverse() : contenders) {
      await setUp({ config, bundleDir: bundle }, { stateDir });
      t = performance.now();
      const result = await tearDown(bundle, { stateDir });
      add(name, performance.now() - t);
      if (result.removed.length !== N + 1) throw new Error(`removed ${result.removed.length}`);
    }
    for (const [name, args] of cForms)
      for (const [fs, dir] of [
        ["", join(bundle, "c")],
        [" (tmpfs)", join(shm, "c")],
      ] as const) {
        mkdirSync(dir, { recursive: true });
        t = performance.now();
        const c = Bun.spawnSync([binary, dir, String(N), ...args]);
        if (c.exitCode !== 0) throw new Error(`removal.c: ${c.stderr.toString()}`);
        const times = JSON.parse(c.stdout.toString());
        add(`${name}${fs}`, times.umountMs + times.rmdirMs + times.closeMs);
        rmSync(dir, { recursive: true });
      }
  }
} finally {
  rmSync(bundle, { recursive: true, force: true });
  rmSync(shm, { recursive: true, force: true });
}
console.log(`| N=${N}, median of ${ROUNDS} | ms | us per directory |`);
console.log("| --- | --- | --- |");
for (const [name, xs] of samples)
  console.log(
    `| ${name} | ${median(xs).toFixed(1)} | ${((median(xs) * 1e3) / (N + 1)).toFixed(1)} |`,
  );
