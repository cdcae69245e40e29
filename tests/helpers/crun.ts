/**
 * crun (Debian's crun 1.8) running a busybox bundle from tests/fixtures/hook/runc.ts, as root, in
 * a private mount namespace. `--cgroup-manager=disabled`: the tests need no cgroup, and nothing
 * is left in the machine's cgroup tree.
 */
import {
  busyboxSkipReason,
  CGROUP_PRELUDE,
  type EngineRun,
  found,
  runInPrivateNamespace,
  shq,
} from "./engineSandbox.ts";

/** Why the crun tests cannot run here ("" when they can). */
export function crunSkipReason(): string {
  if (process.getuid?.() !== 0) return "not root (the crun tests run crun as real root)";
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
    CGROUP_PRELUDE,
    before,
    `${crun} run --bundle ${shq(work.bundle)} ${shq(id)} </dev/null`,
    "rc=$?",
    `${crun} delete -f ${shq(id)} >/dev/null 2>&1`,
    "exit $rc",
  ].join("\n");
  return runInPrivateNamespace(script);
}
