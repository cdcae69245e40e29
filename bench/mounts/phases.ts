// Where the time of `ocimount setup` + `ocimount teardown` goes at one N, each phase timed in
// fresh processes (cold, like the CLI) inside a private mount namespace: bun's own start, the
// CLI's start (`--version`), and the work of the setup command (the CLI's bundle checks, plan,
// mounter setup) and of teardown, run from the TypeScript sources of the same functions.
// Run as root after run.ts (which bundles the CLI): `bun bench/mounts/phases.ts [--n 1000] [--rounds 7]`.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { flag } from "../benchArgs.ts";
import { makeBenchBundle, median, removeBenchBundle } from "./benchBundle.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "..", "..");
const mode = flag("--child", "");

if (mode === "setup" || mode === "teardown") {
  const bundleDir = flag("--bundle", "");
  const stateDir = join(bundleDir, ".state");
  const times: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = now - t;
    t = now;
  };
  const mounter = await import(join(repo, "packages/mounter/src/index.ts"));
  if (mode === "setup") {
    const { preflight } = await import(join(repo, "apps/cli/src/preflight.ts"));
    const { readBundleConfig } = await import(join(repo, "packages/oci-spec/src/index.ts"));
    const { statSync } = await import("node:fs");
    lap("import (TS sources)");
    await readBundleConfig(bundleDir);
    lap("read + validate config.json");
    const bundle = await preflight(bundleDir);
    lap("CLI preflight (again, + a stat per bind source)");
    for (const m of bundle.config.mounts ?? []) statSync(join(bundleDir, m.source ?? ""));
    lap("the same stats with statSync");
    const plan = mounter.planSetup(bundle.config, bundleDir, { resolveHostPaths: false });
    lap("planSetup");
    await mounter.setup(plan, { stateDir });
    lap("mounter setup");
  } else {
    lap("import (TS sources)");
    await mounter.teardown(bundleDir, { stateDir });
    lap("mounter teardown");
  }
  console.log(JSON.stringify(times));
  process.exit(0);
}

const N = Number(flag("--n", "1000"));
const ROUNDS = Number(flag("--rounds", "7"));
const cli = join(repo, "bench", ".build", "cli", "bin", "ocimount.js");
const bundle = makeBenchBundle(N);
const samples = new Map<string, number[]>();
const add = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), ms]);
try {
  for (let r = 0; r < ROUNDS; r++) {
    const self = ["bun", join(here, "phases.ts"), "--bundle", bundle, "--child"];
    const script = [
      "t=$(date +%s%N); bun -e 0; echo bun-e-0 $(( $(date +%s%N) - t ))",
      `t=$(date +%s%N); bun ${cli} --version >/dev/null; echo cli-version $(( $(date +%s%N) - t ))`,
      `${self.join(" ")} setup`,
      `${self.join(" ")} teardown`,
    ].join("\n");
    const out = Bun.spawnSync(
      ["unshare", "-m", "--propagation", "private", "--", "sh", "-c", script],
      {
        stderr: "pipe",
      },
    );
    if (out.exitCode !== 0) throw new Error(out.stderr.toString());
    for (const line of out.stdout.toString().trim().split("\n")) {
      if (line.startsWith("{"))
        for (const [k, v] of Object.entries(JSON.parse(line))) add(k, v as number);
      else {
        const [name, ns] = line.split(" ");
        add(
          name === "bun-e-0" ? "bun -e 0 (bun's own start)" : "ocimount --version (CLI start)",
          Number(ns) / 1e6,
        );
      }
    }
  }
} finally {
  removeBenchBundle(bundle);
}
console.log(`| phase (N=${N}, cold process, median of ${ROUNDS}) | ms |`);
console.log("| --- | --- |");
for (const [name, xs] of samples) console.log(`| ${name} | ${median(xs).toFixed(1)} |`);
