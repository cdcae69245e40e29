/**
 * The Quick start demo. Copies examples/bundle to a temporary directory and, in a throwaway
 * private mount namespace (so this machine's mount table is never touched), runs the real CLI:
 * validate, plan, setup, the mounts read back from /proc/self/mountinfo, status, teardown.
 *
 * As root the namespace is `unshare -m`. As an ordinary user it is a user namespace plus the
 * namespaces the bundle's mounts need there (the kernel lets a user namespace's root mount proc
 * only in a pid namespace it owns, sysfs only in a network namespace it owns, mqueue in an IPC
 * one), found from the bundle's own config.json.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** unshare(1) options a user namespace needs, per filesystem type, to mount that type. */
const NAMESPACE_FOR_TYPE: Readonly<Record<string, readonly string[]>> = {
  proc: ["--pid", "--fork"],
  sysfs: ["--net"],
  mqueue: ["--ipc"],
  cgroup: ["--cgroup"],
  cgroup2: ["--cgroup"],
};

/** The `unshare` prefix for this user and this bundle's mount types. */
function unshareFor(root: boolean, types: readonly string[]): string[] {
  if (root) return ["unshare", "--mount", "--propagation", "private", "--"];
  const extra = new Set(types.flatMap((t) => NAMESPACE_FOR_TYPE[t] ?? []));
  return [
    "unshare",
    "--user",
    "--map-root-user",
    "--mount",
    ...extra,
    "--propagation",
    "private",
    "--",
  ];
}

/** Why this machine refuses unprivileged user namespaces, as far as its settings tell. */
function userNamespaceHint(): string {
  const read = (path: string) => {
    try {
      return readFileSync(path, "utf8").trim();
    } catch {
      return undefined;
    }
  };
  if (read("/proc/sys/user/max_user_namespaces") === "0") {
    return "user namespaces are disabled (sysctl user.max_user_namespaces=0)";
  }
  if (read("/proc/sys/kernel/unprivileged_userns_clone") === "0") {
    return "unprivileged user namespaces are disabled (sysctl kernel.unprivileged_userns_clone=0)";
  }
  if (read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") === "1") {
    return "AppArmor restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1)";
  }
  return "this machine refuses unprivileged user namespaces (inside a container, or a seccomp policy)";
}

const here = fileURLToPath(new URL(".", import.meta.url));
const config = JSON.parse(readFileSync(join(here, "bundle", "config.json"), "utf8")) as {
  mounts?: { type?: string }[];
};
const types = (config.mounts ?? []).map((m) => m.type ?? "");
const root = process.getuid?.() === 0;
const unshare = unshareFor(root, types);
const shown = `unshare ${unshare.slice(1, -1).join(" ")}`;

// Probe first, so that a machine that forbids the namespace gets the reason, not a demo failure.
const probe = Bun.spawnSync([...unshare, "true"], { stdout: "ignore", stderr: "pipe" });
if (probe.exitCode !== 0) {
  const why = root ? "unshare --mount failed (no CAP_SYS_ADMIN here?)" : userNamespaceHint();
  const said = probe.stderr.toString().trim();
  console.error(`demo cannot run: ${shown} failed${said ? ` (${said})` : ""}: ${why}.`);
  console.error(
    "Run it as root (sudo bun run demo), or where unprivileged user namespaces are allowed.",
  );
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "ocimount-demo-"));
const bundle = join(work, "bundle");
cpSync(join(here, "bundle"), bundle, { recursive: true });
const r = Bun.spawnSync(
  [...unshare, "bun", join(here, "demoSteps.ts"), bundle, join(work, "state")],
  { stdout: "inherit", stderr: "inherit" },
);
rmSync(work, { recursive: true, force: true });
if (r.exitCode !== 0) console.error(`demo failed (exit ${r.exitCode}) in ${shown}.`);
process.exit(r.exitCode ?? 1);
