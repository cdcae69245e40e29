// What every benchmark script does with its command line: read `--name value` flags, and (for
// the ones that mount in-process) run again inside a private mount namespace of their own.

/** The value after `--name` on the command line, or `fallback` when it is not given. */
export function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/**
 * Runs this very script again under `unshare -m --propagation private` (marked by
 * `--in-namespace`) and exits with its status, unless it already is that run: whatever the script
 * mounts then stays in that namespace and goes with it.
 */
export function rerunInPrivateNamespace(): void {
  if (process.argv.includes("--in-namespace")) return;
  const self = [...process.argv.slice(1), "--in-namespace"];
  const argv = ["unshare", "-m", "--propagation", "private", "--", "bun", ...self];
  const r = Bun.spawnSync(argv, { stdout: "inherit", stderr: "inherit" });
  process.exit(r.exitCode ?? 1);
}
