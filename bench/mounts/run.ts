// Benchmark: `ocimount setup` then `ocimount teardown` of N bind mounts (two processes of the
// CLI as published: apps/cli's `bun run build` bundle) against a small C program doing the raw
// syscalls in one process (bind the rootfs onto itself, N mount(2) binds, one
// umount2(MNT_DETACH)). Alternately, each run in a fresh private mount namespace, on the same
// pre-made mountpoints; N = 0 shows the fixed cost (process starts) alone.
// Run as root: `bun bench/mounts/run.ts [--rounds 7] [--sizes 0,100,1000,10000]`.
// The C program and the CLI bundle are built at run time into bench/.build/ (never committed).
// `bun bench/mounts/inProcess.ts` measures the library in one process. Figures: README.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { flag } from "../benchArgs.ts";
import { buildNpmForm } from "../buildCli.ts";
import { makeBenchBundle, median, removeBenchBundle } from "./benchBundle.ts";

const ROUNDS = Number(flag("--rounds", "7"));
const SIZES = flag("--sizes", "0,100,1000,10000").split(",").map(Number);

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

/**
 * The same per-mount system calls as ocimount, in C, as a floor for its design: open_tree of
 * the source, openat2 RESOLVE_IN_ROOT of the mountpoint, move_mount fd to fd, statx for the
 * mount ID, two closes, one journal write(2) before each mount; no mountinfo read-back.
 */
const C_FD_SOURCE = `#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/openat2.h>
/* argv: rootfs source n journal. What ocimount does per bind, in C: open_tree of the source,
   openat2 RESOLVE_IN_ROOT of the mountpoint, move_mount fd to fd, statx for the mount ID,
   two closes, and one journal write(2); self-bind through open_tree/move_mount, one detach. */
int main(int argc, char **argv) {
  if (argc != 5) return 2;
  const char *rootfs = argv[1], *source = argv[2];
  int n = atoi(argv[3]);
  int journal = open(argv[4], O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (journal < 0) { perror("journal"); return 1; }
  int target = open(rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
  int root = syscall(SYS_open_tree, target, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE);
  if (root < 0 || syscall(SYS_move_mount, root, "", target, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH)) { perror("self-bind"); return 1; }
  close(target);
  char path[64], line[256];
  struct open_how how = { .flags = O_PATH | O_CLOEXEC, .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS };
  for (int i = 0; i < n; i++) {
    int len = snprintf(line, sizeof line, "{\\"t\\":\\"mounted\\",\\"why\\":\\"mounts[%d]\\"}\\n{\\"t\\":\\"intent\\",\\"why\\":\\"mounts[%d]\\",\\"target\\":\\"/m/%d\\"}\\n", i - 1, i, i);
    if (write(journal, line, len) != len) { perror("write"); return 1; }
    int tree = syscall(SYS_open_tree, AT_FDCWD, source, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
    snprintf(path, sizeof path, "/m/%d", i);
    int mp = syscall(SYS_openat2, root, path, &how, sizeof how);
    if (tree < 0 || mp < 0) { perror(path); return 1; }
    if (syscall(SYS_move_mount, tree, "", mp, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH)) { perror("move_mount"); return 1; }
    struct statx st;
    if (statx(tree, "", AT_EMPTY_PATH, STATX_MNT_ID, &st)) { perror("statx"); return 1; }
    close(mp);
    close(tree);
  }
  close(root);
  if (umount2(rootfs, MNT_DETACH)) { perror("detach"); return 1; }
  return 0;
}
`;

const here = fileURLToPath(new URL(".", import.meta.url));
const buildDir = join(here, "..", ".build");
mkdirSync(buildDir, { recursive: true });
const binary = compile("mounts", C_SOURCE);
const fdBinary = compile("mounts-fd", C_FD_SOURCE);
const cli = buildNpmForm(join(buildDir, "cli")).bundle;

/** Writes `source` to bench/.build/<name>.c and compiles it; returns the binary. */
function compile(name: string, source: string): string {
  const binaryPath = join(buildDir, name === "mounts" ? "mounts-c" : name);
  writeFileSync(join(buildDir, `${name}.c`), source);
  const cc = Bun.spawnSync(["cc", "-O2", "-Wall", "-o", binaryPath, join(buildDir, `${name}.c`)]);
  if (cc.exitCode !== 0) throw new Error(`cc ${name} failed: ${cc.stderr.toString()}`);
  return binaryPath;
}

/**
 * Runs shell `steps` in one new private mount namespace; returns each step's wall time in ms,
 * measured inside (process start included).
 */
function timeInNamespace(steps: string[]): number[] {
  const lines = steps.map(
    (step, i) =>
      `t${i}=$(date +%s%N); ${step} >/dev/null || exit 1; t${i}=$(( $(date +%s%N) - t${i} ))`,
  );
  const script = `${lines.join("\n")}\necho ${steps.map((_, i) => `$t${i}`).join(" ")}`;
  const r = Bun.spawnSync(["unshare", "-m", "--propagation", "private", "--", "sh", "-c", script], {
    stderr: "pipe",
  });
  if (r.exitCode !== 0) throw new Error(`${steps.join("; ")}: ${r.stderr.toString()}`);
  return r.stdout
    .toString()
    .trim()
    .split(" ")
    .map((ns) => Number(ns) / 1e6);
}

const rows: string[] = [];
const fixed: { c?: number; ours?: number; fd?: number } = {};
for (const n of SIZES) {
  const bundle = makeBenchBundle(n);
  try {
    const state = join(bundle, ".state");
    const common = `--bundle ${bundle} --state-dir ${state}`;
    const c = `${binary} ${join(bundle, "rootfs")} ${join(bundle, "shared")} ${n}`;
    const cFd = `${fdBinary} ${join(bundle, "rootfs")} ${join(bundle, "shared")} ${n} ${state}.c-fd`;
    const rounds = n >= 10_000 ? Math.max(3, Math.ceil(ROUNDS / 2)) : ROUNDS;
    const cMs: number[] = [];
    const cFdMs: number[] = [];
    const setupMs: number[] = [];
    const teardownMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      cMs.push(timeInNamespace([c])[0]!);
      cFdMs.push(timeInNamespace([`rm -f ${state}.c-fd; ${cFd}`])[0]!);
      const [s, t] = timeInNamespace([
        `bun ${cli} setup ${common}`,
        `bun ${cli} teardown ${common}`,
      ]);
      setupMs.push(s!);
      teardownMs.push(t!);
    }
    const oursMs = setupMs.map((s, i) => s + teardownMs[i]!);
    const [mc, mo, ms, mt] = [median(cMs), median(oursMs), median(setupMs), median(teardownMs)];
    const mf = median(cFdMs);
    if (n === 0) Object.assign(fixed, { c: mc, ours: mo, fd: mf });
    // Per mount: the time above the N = 0 run (process starts), when it was measured.
    const per = (ms: number, base: number | undefined) =>
      n === 0 ? "-" : (((ms - (base ?? 0)) * 1000) / n).toFixed(1);
    rows.push(
      `| ${n} | ${mc.toFixed(1)} | ${mf.toFixed(1)} | ${mo.toFixed(1)} | ${ms.toFixed(1)} | ${mt.toFixed(1)} | ${(mo / mc).toFixed(1)}x | ${per(mc, fixed.c)} | ${per(mf, fixed.fd)} | ${per(mo, fixed.ours)} | ${rounds} |`,
    );
    const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(" ");
    console.error(
      `N=${n}: C ${list(cMs)} | C fd ${list(cFdMs)} | setup ${list(setupMs)} | teardown ${list(teardownMs)}`,
    );
  } finally {
    removeBenchBundle(bundle);
  }
}
console.log(
  "| N | C (ms) | C, ocimount's syscalls (ms) | ocimount setup + teardown (ms) | setup (ms) | teardown (ms) | ratio | C us/mount | C fd us/mount | ocimount us/mount | rounds |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
