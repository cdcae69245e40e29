/**
 * crun (Debian's crun 1.8) running a busybox bundle from tests/fixtures/hook/runc.ts in a private
 * mount namespace of the tier in force (helpers/namespace.ts): as root `unshare -m`, otherwise
 * `unshare -Urm`, where crun is root of a user namespace as runc is in helpers/runcTier.ts.
 * `--cgroup-manager=disabled`: the tests need no cgroup, and nothing is left in the machine's
 * cgroup tree. crun 1.8 refuses a cgroup v1 "hybrid" layout even then (see engineSandbox.ts);
 * a user namespace cannot unmount the unified hierarchy, so in both tiers an empty tmpfs covers
 * /sys/fs/cgroup inside the private namespace and crun sees no cgroup layout at all.
 */
import { busyboxSkipReason, type EngineRun, found, shq } from "./engineSandbox.ts";
import { namespaceMode, skipReason, unsharePrefix } from "./namespace.ts";

/** Why the crun tests cannot run here ("" when they can). */
export function crunSkipReason(): string {
  if (namespaceMode === null) return skipReason;
  if (!found("crun")) return "crun is not installed (apt-get install crun)";
  return busyboxSkipReason();
}

/** `crun run` of `work.bundle` as container `id` after the shell commands `before`, then `crun delete -f`. */
export function crunRun(
  work: { bundle: string; state: string },
  id: string,
  before = "",
): EngineRun {
  const crun = `crun --cgroup-manager=disabled --root ${shq(work.state)}`;
  const script = [
    "set -u",
    "mount -t tmpfs -o size=4k ocimount-no-cgroups /sys/fs/cgroup || exit 97",
    before,
    `${crun} run --bundle ${shq(work.bundle)} ${shq(id)} </dev/null`,
    "rc=$?",
    `${crun} delete -f ${shq(id)} >/dev/null 2>&1`,
    "exit $rc",
  ].join("\n");
  const argv = [
    "timeout",
    "-k",
    "5",
    "90",
    ...unsharePrefix(namespaceMode ?? "root"),
    "sh",
    "-c",
    script,
  ];
  const r = Bun.spawnSync(argv, { stdout: "pipe", stderr: "pipe", stdin: "ignore" });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}
