/** True when the tests run as root (then `unshare -m`), else they use a user namespace too. */
export const ROOT = process.getuid?.() === 0;

/**
 * The prefix that runs a command in a private mount namespace of its own: `unshare -m` as root,
 * `unshare -Urm` (a user namespace mapping the caller to root) otherwise. A test that mounts
 * runs under it, so no mount reaches the machine's table.
 */
export const UNSHARE: readonly string[] = [
  "unshare",
  ROOT ? "-m" : "-Urm",
  "--propagation",
  "private",
  "--",
];

/** Whether `UNSHARE` works here (a machine may forbid user namespaces). */
export const CAN_MOUNT = Bun.spawnSync([...UNSHARE, "true"], { stderr: "ignore" }).exitCode === 0;

/** What a mounting test's name says when it is skipped here; "" when it runs. */
export const MOUNT_SKIPPED = CAN_MOUNT
  ? ""
  : ` [skipped: ${UNSHARE.slice(0, 2).join(" ")} failed here]`;
