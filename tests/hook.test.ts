/**
 * `ocimount hook` inside a real runtime: runc 1.1 starts a busybox container with ocimount as
 * its createRuntime (then createContainer) hook, and the container itself reports what it sees
 * (/proc/self/mountinfo, writes that must fail). With runc and busybox-static installed
 * (.ci/run installs them); skipped visibly otherwise. As an ordinary user runc runs as root of a
 * user namespace (helpers/runcTier.ts).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { busyboxConfig, hookEntry, makeWorkDir, writeConfig } from "./fixtures/hook/runc.ts";
import {
  expectedFacts,
  hookMounts,
  hookSources,
  parseReport,
  REPORT_SCRIPT,
  reportFacts,
} from "./helpers/containerReport.ts";
import { runcInTier, runcTierSkipReason } from "./helpers/runcTier.ts";

const skip = runcTierSkipReason();
if (skip) console.warn(`[ocimount tests] SKIPPING runc hook tests: ${skip}`);
const runcTest = (name: string, fn: () => void) =>
  test.skipIf(skip !== "")(skip ? `${name} [skipped: ${skip}]` : name, fn, 120_000);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A work dir with a bundle, sources on the host side, and the hook's mounts file. */
function prepare(stage: "createRuntime" | "createContainer", mounts: unknown) {
  const work = makeWorkDir();
  made.push(work.dir);
  const sources = hookSources(work.dir, join(work.bundle, "rootfs"));
  const mountsFile = join(work.dir, "mounts.json");
  writeFileSync(mountsFile, JSON.stringify(mounts));
  const hooks = { [stage]: [hookEntry(["--mounts", mountsFile])] };
  writeConfig(work.bundle, busyboxConfig(REPORT_SCRIPT, { hooks }));
  return { work, sources };
}

let serial = 0;
const containerId = () => `ocimount-hook-${process.pid}-${serial++}`;

describe.each(["createRuntime", "createContainer"] as const)("runc with a %s hook", (stage) => {
  runcTest("adds an ro bind, an rro rbind with its submount, a tmpfs and a mask", () => {
    const { work, sources } = prepare(stage, {});
    writeFileSync(join(work.dir, "mounts.json"), JSON.stringify(hookMounts(sources)));
    const r = runcInTier(work, containerId(), sources.submount);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    // the mask is /dev/null: writes vanish, reads are empty (helpers/containerReport.ts)
    expect(reportFacts(parseReport(r.stdout))).toEqual(expectedFacts(sources));
  });

  runcTest("a hook failure (missing source) makes runc run fail with the hook's message", () => {
    const { work } = prepare(stage, {});
    const missing = join(work.dir, "no-such-source");
    const mounts = [
      { destination: "/scratch", type: "tmpfs", source: "tmpfs" },
      { destination: "/data", type: "bind", source: missing, options: ["bind"] },
    ];
    writeFileSync(join(work.dir, "mounts.json"), JSON.stringify(mounts));
    const r = runcInTier(work, containerId());
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toContain("END"); // the container's process never ran
    expect(r.stderr).toContain("error running hook");
    // The bundle check refuses it, as setup and plan would, before anything is cloned.
    expect(r.stderr).toContain(
      `stderr: ocimount: hook: bind source missing (mounts[1] ${missing}): ENOENT (errno 2, No such file or directory)`,
    );
  });

  runcTest("a step failing inside the container is rolled back before runc gives up", () => {
    const { work } = prepare(stage, {});
    const mounts = [
      { destination: "/scratch/deep", type: "tmpfs", source: "tmpfs" },
      { destination: "/etc/secret/below", type: "bind", source: work.dir, options: ["bind"] },
    ];
    writeFileSync(join(work.dir, "mounts.json"), JSON.stringify(mounts));
    const r = runcInTier(work, containerId());
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toContain("END");
    expect(r.stderr).toContain("stderr: ocimount: hook: ");
    expect(r.stderr).toContain("(mounts[1] ");
    expect(r.stderr).toContain("ENOTDIR");
    // the tmpfs was mounted on /scratch/deep, which the hook created: both are undone
    expect(existsSync(join(work.bundle, "rootfs", "scratch"))).toBe(false);
  });
});
