/**
 * `ocimount hook` under crun 1.8 (Debian), as a createRuntime and as a createContainer hook
 * (whose state crun 1.8 gives pid 0, see below): the busybox container reports its own
 * /proc/self/mountinfo and tries writes that must fail (helpers/containerReport.ts). A failing hook aborts the start; crun sends a hook's stderr to
 * /dev/null unless the container carries the annotation `run.oci.hooks.stderr=FILE`, and the
 * user finds ocimount's one line there. As root, or as an ordinary user with crun as root of a
 * user namespace (helpers/crun.ts); skipped visibly where neither works.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
import { crunRun, crunSkipReason } from "./helpers/crun.ts";

const skip = crunSkipReason();
if (skip) console.warn(`[ocimount tests] SKIPPING crun hook tests: ${skip}`);
const crunTest = (name: string, fn: () => void) =>
  test.skipIf(skip !== "")(skip ? `${name} [skipped: ${skip}]` : name, fn, 120_000);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

let serial = 0;
const containerId = () => `ocimount-crun-${process.pid}-${serial++}`;

function prepare(
  stage: "createRuntime" | "createContainer",
  annotations: Record<string, string> = {},
) {
  const work = makeWorkDir();
  made.push(work.dir);
  const sources = hookSources(work.dir, join(work.bundle, "rootfs"));
  const mountsFile = join(work.dir, "mounts.json");
  writeFileSync(mountsFile, JSON.stringify(hookMounts(sources)));
  const hooks = { [stage]: [hookEntry(["--mounts", mountsFile])] };
  writeConfig(work.bundle, busyboxConfig(REPORT_SCRIPT, { hooks, annotations }));
  return { work, sources, mountsFile };
}

/** A mounts file whose second mount's source does not exist. */
function failingMounts(work: { dir: string }, mountsFile: string): string {
  const missing = join(work.dir, "no-such-source");
  const mounts = [
    { destination: "/scratch", type: "tmpfs", source: "tmpfs" },
    { destination: "/data", type: "bind", source: missing, options: ["bind"] },
  ];
  writeFileSync(mountsFile, JSON.stringify(mounts));
  return missing;
}

/** A hook stderr file for `run.oci.hooks.stderr`, removed after the run. */
function stderrFile(): string {
  const file = `/tmp/ocimount-crun-hook-${process.pid}-${serial}.err`;
  made.push(file);
  return file;
}

describe("crun with a createRuntime hook", () => {
  crunTest("adds an ro bind, an rro rbind with its submount, a tmpfs and a mask", () => {
    const { work, sources } = prepare("createRuntime");
    const r = crunRun(work, containerId(), sources.submount);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(reportFacts(parseReport(r.stdout))).toEqual(expectedFacts(sources));
  });

  crunTest("a failing hook aborts the start; run.oci.hooks.stderr holds ocimount's line", () => {
    const errFile = stderrFile();
    const { work, mountsFile } = prepare("createRuntime", { "run.oci.hooks.stderr": errFile });
    const missing = failingMounts(work, mountsFile);
    const r = crunRun(work, containerId());
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toContain("END"); // the container's process never ran
    // crun's own message names the hook and its status, never what went wrong
    expect(r.stderr).toContain("error executing hook");
    expect(r.stderr).not.toContain("ocimount: hook:");
    // The bundle check's line, as setup and plan give it: refused before anything is cloned.
    expect(readFileSync(errFile, "utf8")).toBe(
      `ocimount: hook: bind source missing (mounts[1] ${missing}): ENOENT (errno 2, No such file or directory)\n`,
    );
  });

  crunTest("without run.oci.hooks.stderr crun drops the hook's message", () => {
    const { work, mountsFile } = prepare("createRuntime");
    failingMounts(work, mountsFile);
    const r = crunRun(work, containerId());
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain("error executing hook");
    expect(r.stderr).not.toContain("ocimount");
  });
});

describe("crun with a createContainer hook", () => {
  // crun 1.8.1 runs createContainer hooks from the container's init, inside its pid namespace,
  // and writes `"pid": 0` into their state (runc writes the init's pid, 1 there): the init is
  // the hook's parent, which is how ocimount finds it (containerProcDir).
  crunTest("adds an ro bind, an rro rbind with its submount, a tmpfs and a mask", () => {
    const { work, sources } = prepare("createContainer");
    const r = crunRun(work, containerId(), sources.submount);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(reportFacts(parseReport(r.stdout))).toEqual(expectedFacts(sources));
  });

  crunTest("a failing hook aborts the start; run.oci.hooks.stderr holds ocimount's line", () => {
    const errFile = stderrFile();
    const { work, mountsFile } = prepare("createContainer", { "run.oci.hooks.stderr": errFile });
    const missing = failingMounts(work, mountsFile);
    const r = crunRun(work, containerId());
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toContain("END");
    expect(r.stderr).toContain("error executing hook");
    // The bundle check's line, as setup and plan give it: refused before anything is cloned.
    expect(readFileSync(errFile, "utf8")).toBe(
      `ocimount: hook: bind source missing (mounts[1] ${missing}): ENOENT (errno 2, No such file or directory)\n`,
    );
    expect(existsSync(join(work.bundle, "rootfs", "scratch"))).toBe(false);
  });
});
