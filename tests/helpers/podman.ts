/**
 * podman 4.3 (Debian) running a busybox rootfs (`--rootfs DIR`: no image, no registry), as root,
 * inside a private mount namespace (helpers/engineSandbox.ts), with everything it keeps in a temp
 * dir of the test: its own containers.conf and storage.conf (vfs), `--root`, `--runroot`,
 * `--tmpdir`, `--network-config-dir`, and the hooks dir the test gives (`--hooks-dir`). What this
 * sandbox needs, handled here and never in the product:
 *   - podman lowers its own RLIMIT_NPROC to 32768 and asks the runtime for 1048576 (and
 *     RLIMIT_NOFILE likewise) without CAP_SYS_RESOURCE, so the runtime's setrlimit fails
 *     (`setrlimit RLIMIT_NPROC: Operation not permitted`): the containers get `--ulimit` values
 *     below both;
 *   - crun refuses the cgroup v1 hybrid layout (see engineSandbox.ts) and needs no cgroup here:
 *     `--cgroups=disabled`. runc cannot run without one (podman: "not compatible with
 *     NoCgroups"): `--cgroups=no-conmon` and a `--cgroup-parent` of the test's own, removed
 *     after the run;
 *   - `--network none`: no network is configured on this machine.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  busyboxSkipReason,
  CGROUP_PRELUDE,
  type EngineRun,
  found,
  runInPrivateNamespace,
  shq,
} from "./engineSandbox.ts";

/** The OCI runtimes the podman tests run under. */
export type PodmanRuntime = "runc" | "crun";

/** One `podman run --rm`. */
export interface PodmanRunOptions {
  runtime: PodmanRuntime;
  /** A temp dir for podman's state (created if needed). */
  state: string;
  hooksDir: string;
  rootfs: string;
  /** `--annotation` values, passed as they are (podman 4 splits them like CSV). */
  annotations?: readonly string[];
  /** The container's `sh -c` script. */
  script: string;
  /** Shell commands run first, in the same private mount namespace. */
  before?: string;
  /** `--name`. */
  name?: string;
}

const CGROUP_PARENT = `ocimount-test-${process.pid}`;

/** The podman command line, without `run` and its arguments. */
function podman(o: Pick<PodmanRunOptions, "runtime" | "state" | "hooksDir">): string {
  for (const d of ["root", "runroot", "tmp", "networks"])
    mkdirSync(join(o.state, d), { recursive: true });
  const at = (d: string) => shq(join(o.state, d));
  return [
    "podman",
    `--root ${at("root")} --runroot ${at("runroot")} --tmpdir ${at("tmp")}`,
    `--network-config-dir ${at("networks")} --storage-driver vfs`,
    `--cgroup-manager cgroupfs --events-backend none --hooks-dir ${shq(o.hooksDir)}`,
    `--runtime ${o.runtime}`,
  ].join(" ");
}

/** Writes podman's own containers.conf (empty: defaults) and storage.conf (vfs, in `state`). */
function writeConfigs(state: string): Record<string, string> {
  mkdirSync(state, { recursive: true });
  writeFileSync(join(state, "containers.conf"), "");
  writeFileSync(
    join(state, "storage.conf"),
    `[storage]\ndriver = "vfs"\nrunroot = "${join(state, "runroot")}"\ngraphroot = "${join(state, "root")}"\n`,
  );
  return {
    CONTAINERS_CONF: join(state, "containers.conf"),
    CONTAINERS_STORAGE_CONF: join(state, "storage.conf"),
  };
}

/** What this sandbox needs on every `podman run` (see the header). */
function runFlags(runtime: PodmanRuntime): string {
  const cgroups =
    runtime === "crun"
      ? "--cgroups=disabled"
      : `--cgroups=no-conmon --cgroup-parent=/${CGROUP_PARENT}`;
  return `--rm --network none --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 ${cgroups}`;
}

/**
 * Runs the bash `lines` (e.g. a README block, as written) in a private mount namespace where
 * `podman` is a shell function adding this sandbox's flags: `podman run ARGS` becomes
 * `podman <state, hooks dir, runtime> run <sandbox flags> ARGS`. Cleans up after.
 */
export function podmanScript(
  o: Pick<PodmanRunOptions, "runtime" | "state" | "hooksDir" | "before">,
  lines: string,
  cwd: string,
): EngineRun {
  const env = writeConfigs(o.state);
  const fn = `podman() { sub="$1"; shift; if [ "$sub" = run ]; then command ${podman(o)} run ${runFlags(o.runtime)} "$@"; else command ${podman(o)} "$sub" "$@"; fi; }`;
  const script = [
    "set -u",
    CGROUP_PRELUDE,
    o.before ?? "",
    `cd ${shq(cwd)} || exit 96`,
    fn,
    `(${lines}\n) </dev/null`,
    "rc=$?",
    `rmdir /sys/fs/cgroup/*/${CGROUP_PARENT} 2>/dev/null`,
    "exit $rc",
  ].join("\n");
  return runInPrivateNamespace(script, 120, env, "bash");
}

/** `podman run --rm` of `o.script` in `o.rootfs`, and the cleanup of what it left. */
export function podmanRun(o: PodmanRunOptions): EngineRun {
  const run = [
    "podman run",
    ...(o.name ? [`--name ${shq(o.name)}`] : []),
    ...(o.annotations ?? []).map((a) => `--annotation ${shq(a)}`),
    `--rootfs ${shq(o.rootfs)} /bin/sh -c ${shq(o.script)}`,
  ].join(" ");
  return podmanScript(o, run, "/");
}

const probed = new Map<PodmanRuntime, string>();

/**
 * Why the podman tests with `runtime` cannot run here ("" when they can): root, podman, the
 * runtime and busybox-static installed, and a trial `podman run` of `/bin/true` in a scratch
 * rootfs that succeeds (its error's first line otherwise, so the skip says exactly why).
 */
export function podmanSkipReason(runtime: PodmanRuntime, scratch: string, rootfs: string): string {
  const known = probed.get(runtime);
  if (known !== undefined) return known;
  let reason = "";
  if (process.getuid?.() !== 0)
    reason = "not root (rootless podman needs subuid ranges of its own)";
  else if (!found("podman")) reason = "podman is not installed (apt-get install podman)";
  else if (!found(runtime)) reason = `${runtime} is not installed (apt-get install ${runtime})`;
  else reason = busyboxSkipReason();
  if (!reason) {
    const r = podmanRun({
      runtime,
      state: scratch,
      hooksDir: join(scratch, "no-hooks"),
      rootfs,
      script: "true",
    });
    if (r.exitCode !== 0) {
      const why = (r.stderr.trim().split("\n")[0] ?? "").trim() || `exit ${r.exitCode}`;
      reason = `podman run with ${runtime} fails here: ${why}`;
    }
  }
  probed.set(runtime, reason);
  return reason;
}
