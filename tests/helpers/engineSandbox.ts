/**
 * This sandbox's limits, met in the engine tests only (never in the product): every engine runs
 * in a private mount namespace of its own (`unshare -m --propagation private`), under `timeout`.
 * In a cgroup v1 "hybrid" layout (a tmpfs at /sys/fs/cgroup with v1 hierarchies and a cgroup2
 * at /sys/fs/cgroup/unified that holds controllers), crun 1.8 refuses to start any container
 * (`cgroups in hybrid mode not supported, drop all controllers from cgroupv2`), even with
 * `--cgroup-manager=disabled`; unmounting the unified hierarchy inside the private namespace
 * makes it a plain v1 layout for crun, and the machine's own mount table is untouched.
 */
import { readFileSync } from "node:fs";
import { BUSYBOX } from "../fixtures/hook/runc.ts";

/** A command's result. */
export interface EngineRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function isHybrid(): boolean {
  let text = "";
  try {
    text = readFileSync("/proc/self/mountinfo", "utf8");
  } catch {
    return false;
  }
  const fsAt = (p: string) =>
    text
      .split("\n")
      .map((l) => l.split(" "))
      .filter((f) => f[4] === p)
      .map((f) => f[f.indexOf("-") + 1])
      .at(-1);
  return fsAt("/sys/fs/cgroup") !== "cgroup2" && fsAt("/sys/fs/cgroup/unified") === "cgroup2";
}

/** Shell lines that make the private namespace's cgroup layout one crun accepts. */
export const CGROUP_PRELUDE = isHybrid() ? "umount /sys/fs/cgroup/unified || exit 97" : "";

/** Runs `script` with `sh -c` (or `shell`) in a fresh private mount namespace, killed after `seconds`. */
export function runInPrivateNamespace(
  script: string,
  seconds = 90,
  env?: Record<string, string>,
  shell = "sh",
): EngineRun {
  const argv = [
    "timeout",
    "-k",
    "5",
    String(seconds),
    "unshare",
    "-m",
    "--propagation",
    "private",
    "--",
  ];
  const r = Bun.spawnSync([...argv, shell, "-c", script], {
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore",
    env: { ...process.env, ...env },
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** Whether `cmd` is on PATH. */
export function found(cmd: string): boolean {
  return Bun.spawnSync(["sh", "-c", `command -v ${cmd}`], { stdout: "ignore" }).exitCode === 0;
}

/** Quotes `s` for sh. */
export function shq(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** Why a busybox bundle cannot be built here ("" when it can). */
export function busyboxSkipReason(): string {
  if (!BUSYBOX) return "busybox-static is not installed (apt-get install busybox-static)";
  const file = Bun.spawnSync(["sh", "-c", `file -L ${BUSYBOX} 2>/dev/null || true`]);
  return file.stdout.toString().includes("dynamically linked") ? `${BUSYBOX} is not static` : "";
}
