// Benchmark: setup + teardown of N bind mounts by the mounter (two bun processes, like
// `ocimount setup` then `ocimount teardown`) against a small C program doing the raw syscalls in
// one process (bind the rootfs onto itself, N mount(2) binds, one umount2(MNT_DETACH)). Both run
// alternately, each in a fresh private mount namespace, on the same pre-made mountpoints.
// Run as root: `bun bench/mounts/run.ts [--rounds 7]`. The C side is written and built at run
// time into bench/.build/ (never committed). Figures go in README.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [100, 1000, 10_000];
const roundsFlag = process.argv.indexOf("--rounds");
const ROUNDS = roundsFlag > 0 ? Number(process.argv[roundsFlag + 1]) : 7;

const C_SOURCE = `#include <stdio.h>
#include <stdlib.h>
#include <sys/mount.h>
/* argv: rootfs source n. Mountpoints are rootfs/m/<i>. */
int main(int argc, char **argv) {
  if (argc != 4) return 2;
  const char *rootfs = argv[1], *source = argv[2];
  int n = atoi(argv[3]);
  char path[4096];
  if (mount(rootfs, rootfs, NULL, MS_BIND | MS_REC, NULL)) { perror("self-bind"); return 1; }
  for (int i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/m/%d", rootfs, i);
    if (mount(source, path, NULL, MS_BIND, NULL)) { perror(path); return 1; }
  }
  if (umount2(rootfs, MNT_DETACH)) { perror("detach"); return 1; }
  return 0;
}
`;

const here = fileURLToPath(new URL(".", import.meta.url));
const buildDir = join(here, "..", ".build");
const binary = join(buildDir, "mounts-c");
mkdirSync(buildDir, { recursive: true });
writeFileSync(join(buildDir, "mounts.c"), C_SOURCE);
const cc = Bun.spawnSync(["cc", "-O2", "-Wall", "-o", binary, join(buildDir, "mounts.c")]);
if (cc.exitCode !== 0) throw new Error(`cc failed: ${cc.stderr.toString()}`);
// The published CLI ships built JavaScript; a bundle of the same two scripts shows the cost
// without transpiling ~80 TypeScript modules at every process start.
for (const name of ["setupBundle", "teardownBundle"]) {
  const b = Bun.spawnSync([
    "bun",
    "build",
    join(here, `${name}.ts`),
    "--target=bun",
    "--outfile",
    join(buildDir, `${name}.js`),
  ]);
  if (b.exitCode !== 0) throw new Error(`bun build failed: ${b.stderr.toString()}`);
}

/** Runs `command` (a shell line) in a new private mount namespace and returns its wall time in ms, measured inside. */
function timeInNamespace(command: string): number {
  const script = `t0=$(date +%s%N); ${command} || exit 1; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000 ))`;
  const r = Bun.spawnSync(["unshare", "-m", "--propagation", "private", "--", "sh", "-c", script], {
    stderr: "pipe",
  });
  if (r.exitCode !== 0) throw new Error(`${command}: ${r.stderr.toString()}`);
  return Number(r.stdout.toString().trim()) / 1000;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const rows: string[] = [];
for (const n of SIZES) {
  const bundle = mkdtempSync(join(tmpdir(), "bench-mounts-"));
  try {
    mkdirSync(join(bundle, "shared"));
    for (let i = 0; i < n; i++)
      mkdirSync(join(bundle, "rootfs", "m", String(i)), { recursive: true });
    const mounts = Array.from({ length: n }, (_, i) => ({
      destination: `/m/${i}`,
      type: "bind",
      source: "shared",
      options: ["bind"],
    }));
    writeFileSync(
      join(bundle, "config.json"),
      JSON.stringify({ ociVersion: "1.3.0", root: { path: "rootfs" }, mounts }),
    );
    const state = join(bundle, ".state");
    const pair = (dir: string, ext: string) =>
      `bun ${join(dir, `setupBundle.${ext}`)} ${bundle} ${state} && bun ${join(dir, `teardownBundle.${ext}`)} ${bundle} ${state}`;
    const ours = pair(here, "ts");
    const bundled = pair(buildDir, "js");
    const c = `${binary} ${join(bundle, "rootfs")} ${join(bundle, "shared")} ${n}`;
    const rounds = n >= 10_000 ? Math.max(3, Math.ceil(ROUNDS / 2)) : ROUNDS;
    const oursMs: number[] = [];
    const cMs: number[] = [];
    const bundledMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      cMs.push(timeInNamespace(c));
      oursMs.push(timeInNamespace(ours));
      bundledMs.push(timeInNamespace(bundled));
    }
    const [mo, mb, mc] = [median(oursMs), median(bundledMs), median(cMs)];
    const perMount = (ms: number) => ((ms * 1000) / n).toFixed(1);
    rows.push(
      `| ${n} | ${mc.toFixed(1)} | ${mo.toFixed(1)} (${(mo / mc).toFixed(1)}x) | ${mb.toFixed(1)} (${(mb / mc).toFixed(1)}x) | ${perMount(mc)} | ${perMount(mo)} | ${perMount(mb)} | ${rounds} |`,
    );
    const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(" ");
    console.error(`N=${n}: C ${list(cMs)} | sources ${list(oursMs)} | bundled ${list(bundledMs)}`);
  } finally {
    rmSync(bundle, { recursive: true, force: true });
  }
}
console.log(
  "| N | C (ms) | ocimount, TS sources (ms, ratio) | ocimount, bundled JS (ms, ratio) | C us/mount | sources us/mount | bundled us/mount | rounds |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
