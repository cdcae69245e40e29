/**
 * `ocimount install-hook` as podman meets it: the sealed executable (built with build:exe)
 * installs itself under a prefix, the
 * hooks.d definition written to a hooks dir that did not exist, podman (with runc) picking the
 * hook up for a container with the `org.ocimount.mounts` annotation, and `--uninstall` taking
 * it away again. Root only; skipped with the reason otherwise (helpers/podman.ts).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { BIN, makeWorkDir } from "./fixtures/hook/runc.ts";
import {
  expectedFacts,
  hookMounts,
  hookSources,
  parseReport,
  REPORT_SCRIPT,
  reportFacts,
} from "./helpers/containerReport.ts";
import { buildInstallable } from "./helpers/installable.ts";
import { podmanRun, podmanSkipReason } from "./helpers/podman.ts";

/** `bun BIN ARGS` from the source tree. */
function runCli(args: string[]) {
  const r = Bun.spawnSync(["bun", BIN, ...args], {
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore",
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

const work = makeWorkDir();
afterAll(() => rmSync(work.dir, { recursive: true, force: true }));
const rootfs = join(work.bundle, "rootfs");
const built = buildInstallable(join(work.dir, "exe"));
const skip =
  "skip" in built ? built.skip : podmanSkipReason("runc", join(work.dir, "probe"), rootfs);
if (skip) console.warn(`[ocimount tests] SKIPPING install-hook with podman: ${skip}`);

describe("install-hook, then podman", () => {
  test.skipIf(skip !== "")(
    skip
      ? `podman picks the installed hook up [skipped: ${skip}]`
      : "podman picks the installed hook up, and not after --uninstall",
    () => {
      if ("skip" in built) return;
      const prefix = join(work.dir, "libexec", "ocimount");
      const hooksDir = join(work.dir, "share", "containers", "oci", "hooks.d");
      const where = ["--prefix", prefix, "--hooks-dir", hooksDir];
      // the sealed executable installs itself (its front finds its payload beside it)
      const installed = Bun.spawnSync([built.front, "install-hook", ...where], {
        stdout: "pipe",
        stderr: "pipe",
      });
      expect(installed.stderr.toString()).toBe("");
      expect(installed.exitCode).toBe(0);
      expect(readdirSync(hooksDir)).toEqual(["50-ocimount.json"]);
      expect(readdirSync(prefix).sort()).toEqual(["SHA256SUMS", "ocimount", "ocimount-bun"]);

      const sources = hookSources(work.dir, rootfs);
      const mounts = JSON.stringify(hookMounts(sources));
      const run = () =>
        podmanRun({
          runtime: "runc",
          state: join(work.dir, "podman"),
          hooksDir,
          rootfs,
          annotations: [`"org.ocimount.mounts=${mounts.replaceAll('"', '""')}"`],
          script: REPORT_SCRIPT,
          before: sources.submount,
        });
      const r = run();
      expect(r.stderr).toBe("");
      expect(r.exitCode).toBe(0);
      expect(reportFacts(parseReport(r.stdout))).toEqual(expectedFacts(sources));

      const removed = runCli(["install-hook", "--uninstall", ...where]);
      expect(removed.exitCode).toBe(0);
      expect(existsSync(prefix)).toBe(false);
      const after = run();
      expect(after.exitCode).toBe(0);
      expect(parseReport(after.stdout).mounts.size).toBe(0);
    },
    180_000,
  );
});
