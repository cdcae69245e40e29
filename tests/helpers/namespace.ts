/**
 * Test tiers for real mounts. Every test that mounts runs its scenario in a child process
 * inside a fresh private mount namespace, so the machine's own mount table is never touched:
 *   - as root: `unshare -m --propagation private`
 *   - otherwise: `unshare -Urm --propagation private` (a user namespace, when the kernel allows)
 *     plus what a scenario `needs` there (a pid namespace to mount proc, a network one for sysfs)
 * When neither works, `mountTest` registers the test as skipped and says why, visibly.
 * To run something as an ordinary user: `su USER -c 'cd tests && bun test FILE'`.
 */
import { test } from "bun:test";

/** How mounting tests get their namespace on this machine, or `null` when they cannot. */
export type NamespaceMode = "root" | "userns";

function probe(args: string[]): boolean {
  try {
    const r = Bun.spawnSync(["unshare", ...args, "--", "true"], { stderr: "ignore" });
    return r.exitCode === 0;
  } catch {
    return false;
  }
}

function detect(): { mode: NamespaceMode | null; reason: string } {
  const root = process.getuid?.() === 0;
  if (root && probe(["-m", "--propagation", "private"])) return { mode: "root", reason: "" };
  if (probe(["-Urm", "--propagation", "private"])) return { mode: "userns", reason: "" };
  return {
    mode: null,
    reason: root
      ? "unshare -m failed (no CAP_SYS_ADMIN here?)"
      : "not root and user namespaces are unavailable (unshare -Urm failed)",
  };
}

const detected = detect();

/** The namespace mode in force, or `null` when mounting tests are skipped. */
export const namespaceMode: NamespaceMode | null = detected.mode;

/** Why mounting tests are skipped, or "" when they run. */
export const skipReason: string = detected.reason;

if (!namespaceMode) {
  console.warn(`[ocimount tests] SKIPPING mount tests: ${skipReason}`);
}

/**
 * Namespaces a scenario needs besides its mount namespace. As root the machine's own pid, network
 * and UTS namespaces already allow what these stand for, so they change nothing there; under a
 * user namespace the kernel asks for namespaces owned by it:
 *   - `pid`: mounting proc needs a pid namespace owned by the user namespace (`-p -f`);
 *   - `net`: mounting sysfs needs a network namespace owned by it (`-n`);
 *   - `uts`: setns(2) into the UTS namespace needs CAP_SYS_ADMIN over it (`-u`).
 */
export interface NamespaceNeeds {
  pid?: boolean;
  net?: boolean;
  uts?: boolean;
}

/** The `unshare` prefix that puts a command into its own private mount namespace. */
export function unsharePrefix(
  mode: NamespaceMode = namespaceMode ?? "root",
  needs: NamespaceNeeds = {},
): string[] {
  if (mode === "root") return ["unshare", "-m", "--propagation", "private", "--"];
  const extra = [
    ...(needs.pid ? ["-p", "-f"] : []),
    ...(needs.net ? ["-n"] : []),
    ...(needs.uts ? ["-u"] : []),
  ];
  return ["unshare", "-Urm", ...extra, "--propagation", "private", "--"];
}

/**
 * The prefix that puts a command into a private mount namespace of its own from which it may
 * enter the namespaces of `pid`, a process started with `unsharePrefix` (a stand-in container).
 * As root that is any namespace. Under a user namespace, setns(2) needs CAP_SYS_ADMIN over the
 * target's namespaces, so the command first joins `pid`'s user namespace (`nsenter -U`, keeping
 * its credentials: that namespace denies setgroups), as a hook a runtime starts there would be.
 */
export function besidePrefix(pid: number, mode: NamespaceMode = namespaceMode ?? "root"): string[] {
  const own = ["unshare", "-m", "--propagation", "private", "--"];
  if (mode === "root") return own;
  return ["nsenter", "-t", String(pid), "-U", "--preserve-credentials", "--", ...own];
}

/** The result of a command run inside a private mount namespace. */
export interface NamespaceRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `argv` inside a new private mount namespace and collects its output. */
export function runInNamespace(
  argv: string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    stdin?: string;
    /** Namespaces the scenario needs besides the mount namespace (see `NamespaceNeeds`). */
    needs?: NamespaceNeeds;
  } = {},
): NamespaceRun {
  const r = Bun.spawnSync([...unsharePrefix(undefined, options.needs), ...argv], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdin: options.stdin === undefined ? "ignore" : new TextEncoder().encode(options.stdin),
    stdout: "pipe",
    stderr: "pipe",
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/**
 * Registers a test that needs a private mount namespace; skipped (and reported as skipped)
 * when this machine cannot make one. `onlyRoot` tests skip under `unshare -Urm`.
 */
export function mountTest(
  name: string,
  fn: () => void | Promise<void>,
  options: { onlyRoot?: boolean; timeout?: number } = {},
): void {
  const runnable = namespaceMode !== null && (!options.onlyRoot || namespaceMode === "root");
  const label = runnable ? name : `${name} [skipped: ${skipReason || "needs real root"}]`;
  test.skipIf(!runnable)(label, fn, options.timeout ?? 60_000);
}
