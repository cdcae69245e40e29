/**
 * Test helper: the `unshare` prefix that runs a command in a private mount namespace (as root
 * `unshare -m`, else a user namespace `unshare -Urm`), or null when neither works here, so the
 * kernel-checked tests of this package skip visibly. The package stands alone, so it does not
 * reach for the repository's tests/helpers.
 */
export function namespacePrefix(): string[] | null {
  const modes = process.getuid?.() === 0 ? [["-m"], ["-Urm"]] : [["-Urm"]];
  for (const mode of modes) {
    const prefix = ["unshare", ...mode, "--propagation", "private", "--"];
    try {
      if (Bun.spawnSync([...prefix, "true"], { stderr: "ignore" }).exitCode === 0) return prefix;
    } catch {
      // no unshare(1) on this machine
    }
  }
  return null;
}
