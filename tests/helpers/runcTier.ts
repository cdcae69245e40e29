/**
 * The runc hook tests in both tiers. As root they use tests/fixtures/hook/runc.ts as it is
 * (`runc run` inside `unshare -m`). As an ordinary user the same script runs inside
 * `unshare -Urm`: runc is then root of a user namespace, and picks its rootless cgroup manager by
 * itself (runc 1.1 does when euid 0 is in a user namespace); what it creates (pid, network, ipc,
 * uts, mount namespaces) is owned by that user namespace, so proc and the hook's setns work.
 */
import { BUSYBOX, type RuncRun, runcRun, runcSkipReason } from "../fixtures/hook/runc.ts";
import { namespaceMode, skipReason, unsharePrefix } from "./namespace.ts";

function found(cmd: string): boolean {
  return Bun.spawnSync(["sh", "-c", `command -v ${cmd}`], { stdout: "ignore" }).exitCode === 0;
}

/** Why the runc hook tests cannot run here in the tier in force ("" when they can). */
export function runcTierSkipReason(): string {
  if (namespaceMode === "root") return runcSkipReason();
  if (namespaceMode === null) return skipReason;
  if (!found("runc")) return "runc is not installed (apt-get install runc)";
  if (!BUSYBOX) return "busybox-static is not installed (apt-get install busybox-static)";
  const file = Bun.spawnSync(["sh", "-c", `file -L ${BUSYBOX} 2>/dev/null || true`]);
  return file.stdout.toString().includes("dynamically linked") ? `${BUSYBOX} is not static` : "";
}

/**
 * `runc --root STATE run --bundle BUNDLE ID` after the shell commands `before`, then `runc delete
 * -f`, under `timeout`, in a fresh private mount namespace of the tier in force.
 */
export function runcInTier(
  work: { bundle: string; state: string },
  id: string,
  before = "",
): RuncRun {
  if (namespaceMode === "root") return runcRun(work, id, before);
  const script = [
    "set -u",
    before,
    `runc --root "${work.state}" run --bundle "${work.bundle}" "${id}" </dev/null`,
    "rc=$?",
    `runc --root "${work.state}" delete -f "${id}" >/dev/null 2>&1`,
    "exit $rc",
  ].join("\n");
  const argv = ["timeout", "-k", "5", "90", ...unsharePrefix("userns"), "sh", "-c", script];
  const r = Bun.spawnSync(argv, { stdout: "pipe", stderr: "pipe" });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}
