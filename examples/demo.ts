/**
 * The Quick start demo. Copies examples/bundle to a temporary directory and, in a throwaway
 * private mount namespace (so this machine's mount table is never touched), runs the real CLI:
 * validate, plan, setup, the mounts read back from /proc/self/mountinfo, status, teardown.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "ocimount-demo-"));
const bundle = join(work, "bundle");
cpSync(join(here, "bundle"), bundle, { recursive: true });

const root = process.getuid?.() === 0;
const unshare = root
  ? ["unshare", "-m", "--propagation", "private", "--"]
  : ["unshare", "-Urm", "--propagation", "private", "--"];
const r = Bun.spawnSync(
  [...unshare, "bun", join(here, "demoSteps.ts"), bundle, join(work, "state")],
  {
    stdout: "inherit",
    stderr: "inherit",
  },
);
rmSync(work, { recursive: true, force: true });
if (r.exitCode !== 0) {
  console.error(
    `demo failed (exit ${r.exitCode}). ocimount needs root or unprivileged user namespaces (unshare ${unshare.slice(1, -1).join(" ")}).`,
  );
}
process.exit(r.exitCode ?? 1);
