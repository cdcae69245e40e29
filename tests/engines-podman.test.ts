/**
 * `ocimount hook` reached through podman 4.3's hooks.d (`--hooks-dir` to a temp dir), with runc
 * and with crun as podman's runtime, for the two forms the README gives: the mounts in the
 * annotation `org.ocimount.mounts` (the definition `install-hook` writes), and a definition that
 * runs `ocimount hook --mounts FILE` for containers carrying `org.ocimount.profile=data`, both
 * run by the sealed executable (build:exe) as install-hook installs it. The
 * busybox container checks its own /proc/self/mountinfo and tries writes that must fail
 * (helpers/containerReport.ts). A failing hook aborts the start and the user finds ocimount's
 * line: in podman's error with runc, in the `run.oci.hooks.stderr` file with crun. Root only;
 * when podman cannot run here, each test says why in its name (helpers/podman.ts).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseMountInfoLine } from "@ocimount/mount-flags";
import { formatHookDefinition, type HookDefinition } from "ocimount";
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
import { type PodmanRuntime, podmanRun, podmanScript, podmanSkipReason } from "./helpers/podman.ts";
import {
  fromSourceTree,
  readmeHookDefinitions,
  readmeShellBlocks,
  withExecutable,
} from "./helpers/readmeHooks.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A work dir: busybox rootfs, hook sources, podman state, a hooks dir. */
function prepare() {
  const work = makeWorkDir();
  made.push(work.dir);
  const rootfs = join(work.bundle, "rootfs");
  const sources = hookSources(work.dir, rootfs);
  const hooksDir = join(work.dir, "hooks.d");
  mkdirSync(hooksDir);
  return { work, rootfs, sources, hooksDir, state: join(work.dir, "podman") };
}

const scratch = makeWorkDir();
made.push(scratch.dir);
const skips = Object.fromEntries(
  (["runc", "crun"] as const).map((rt) => [
    rt,
    podmanSkipReason(rt, join(scratch.dir, `probe-${rt}`), join(scratch.bundle, "rootfs")),
  ]),
) as Record<PodmanRuntime, string>;
for (const [rt, why] of Object.entries(skips)) {
  if (why) console.warn(`[ocimount tests] SKIPPING podman tests with ${rt}: ${why}`);
}
const podmanTest = (rt: PodmanRuntime, name: string, fn: () => void) =>
  test.skipIf(skips[rt] !== "")(skips[rt] ? `${name} [skipped: ${skips[rt]}]` : name, fn, 180_000);

const [README_ANNOTATION_HOOK, README_PROFILE_HOOK] = readmeHookDefinitions();

/**
 * The hook the definitions run: the sealed executable built here (build:exe), as install-hook
 * installs it, or, when it cannot be built here, the CLI from the source tree under `bun`.
 */
const built = buildInstallable(join(scratch.dir, "exe"));
if ("skip" in built)
  console.warn(`[ocimount tests] podman hooks run the CLI from source: ${built.skip}`);
const runAs = (def: HookDefinition, replace: Record<string, string> = {}) =>
  "skip" in built ? fromSourceTree(def, replace) : withExecutable(def, built.front, replace);

/** The README's annotation form (the definition install-hook writes). */
function annotationHook(): HookDefinition {
  if (!README_ANNOTATION_HOOK) throw new Error("README: no hooks.d definition");
  return runAs(README_ANNOTATION_HOOK);
}

/** The README's `--mounts FILE` form, for containers with `org.ocimount.profile=data`. */
function profileHook(mountsFile: string): HookDefinition {
  if (!README_PROFILE_HOOK) throw new Error("README: no second hooks.d definition");
  return runAs(README_PROFILE_HOOK, { "/etc/ocimount/data.json": mountsFile });
}

/**
 * `--annotation KEY=JSON` as podman 4 needs it: it splits the flag's value like a CSV record,
 * so the whole pair is one quoted field with every `"` doubled (the README's shell form:
 * `"\"org.ocimount.mounts=${mounts//\"/\"\"}\""`).
 */
function csvAnnotation(key: string, value: unknown): string {
  return `"${key}=${JSON.stringify(value).replaceAll('"', '""')}"`;
}

describe.each(["runc", "crun"] as const)("podman with %s and a hooks.d dir", (runtime) => {
  podmanTest(runtime, "the annotation form: every mount there, with its options", () => {
    const p = prepare();
    writeFileSync(join(p.hooksDir, "50-ocimount.json"), formatHookDefinition(annotationHook()));
    const r = podmanRun({
      runtime,
      state: p.state,
      hooksDir: p.hooksDir,
      rootfs: p.rootfs,
      annotations: [csvAnnotation("org.ocimount.mounts", hookMounts(p.sources))],
      script: REPORT_SCRIPT,
      before: p.sources.submount,
    });
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(reportFacts(parseReport(r.stdout))).toEqual(expectedFacts(p.sources));
  });

  podmanTest(runtime, "the --mounts FILE form, chosen by a plain annotation", () => {
    const p = prepare();
    const mountsFile = join(p.work.dir, "data.json");
    writeFileSync(mountsFile, JSON.stringify(hookMounts(p.sources)));
    writeFileSync(
      join(p.hooksDir, "50-ocimount-data.json"),
      formatHookDefinition(profileHook(mountsFile)),
    );
    const r = podmanRun({
      runtime,
      state: p.state,
      hooksDir: p.hooksDir,
      rootfs: p.rootfs,
      annotations: ["org.ocimount.profile=data"],
      script: REPORT_SCRIPT,
      before: p.sources.submount,
    });
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(reportFacts(parseReport(r.stdout))).toEqual(expectedFacts(p.sources));
  });

  podmanTest(runtime, "without a matching annotation the hook is not injected", () => {
    const p = prepare();
    // a hook that would fail if it ran: its mounts file does not exist
    const def = profileHook(join(p.work.dir, "no-such-file.json"));
    writeFileSync(join(p.hooksDir, "50-ocimount-data.json"), formatHookDefinition(def));
    writeFileSync(join(p.hooksDir, "50-ocimount.json"), formatHookDefinition(annotationHook()));
    const r = podmanRun({
      runtime,
      state: p.state,
      hooksDir: p.hooksDir,
      rootfs: p.rootfs,
      annotations: ["org.ocimount.profile=other", "org.ocimount.mountsX=[]"],
      script: REPORT_SCRIPT,
    });
    expect(r.exitCode).toBe(0);
    expect(parseReport(r.stdout).mounts.size).toBe(0);
  });

  podmanTest(runtime, "a failing hook aborts the start and the user finds ocimount's line", () => {
    const p = prepare();
    writeFileSync(join(p.hooksDir, "50-ocimount.json"), formatHookDefinition(annotationHook()));
    const missing = join(p.work.dir, "no-such-source");
    const mounts = [
      { destination: "/scratch", type: "tmpfs", source: "tmpfs" },
      { destination: "/data", type: "bind", source: missing, options: ["bind"] },
    ];
    const errFile = join(p.work.dir, "hook.err");
    const r = podmanRun({
      runtime,
      state: p.state,
      hooksDir: p.hooksDir,
      rootfs: p.rootfs,
      annotations: [
        csvAnnotation("org.ocimount.mounts", mounts),
        ...(runtime === "crun" ? [`run.oci.hooks.stderr=${errFile}`] : []),
      ],
      script: REPORT_SCRIPT,
    });
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout).not.toContain("END");
    const line = `ocimount: hook: bind source missing (mounts[1] ${missing}): ENOENT (errno 2, No such file or directory)`;
    if (runtime === "runc") expect(r.stderr).toContain(`stderr: ${line}`);
    else {
      expect(r.stderr).toContain("error executing hook");
      expect(readFileSync(errFile, "utf8")).toBe(`${line}\n`);
    }
    expect(existsSync(join(p.rootfs, "scratch"))).toBe(false); // undone, mountpoint too
  });
});

describe("podman with runc, annotations as CRI-O writes them in a pod", () => {
  podmanTest("runc", "org.ocimount.mounts/<name> reaches only the container of that name", () => {
    const p = prepare();
    writeFileSync(join(p.hooksDir, "50-ocimount.json"), formatHookDefinition(annotationHook()));
    const r = podmanRun({
      runtime: "runc",
      state: p.state,
      hooksDir: p.hooksDir,
      rootfs: p.rootfs,
      annotations: [
        "io.kubernetes.container.name=web",
        csvAnnotation("org.ocimount.mounts/web", hookMounts(p.sources)),
        csvAnnotation("org.ocimount.mounts/db", [
          { destination: "/db", type: "bind", source: "/nonexistent" },
        ]),
      ],
      script: REPORT_SCRIPT,
      before: p.sources.submount,
    });
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(reportFacts(parseReport(r.stdout))).toEqual(expectedFacts(p.sources));
  });
});

describe.each(["runc", "crun"] as const)(
  "the README's podman line, as written, with %s",
  (runtime) => {
    podmanTest(runtime, "mounts /srv/data read-only at /data", () => {
      const p = prepare();
      writeFileSync(join(p.hooksDir, "50-ocimount.json"), formatHookDefinition(annotationHook()));
      const block = readmeShellBlocks().find((b) => b.includes("podman run"));
      expect(block).toBeDefined();
      // /srv/data exists only in this private namespace, on a tmpfs over /srv
      const before = "mount -t tmpfs ocimount-srv /srv && mkdir /srv/data || exit 95";
      const r = podmanScript(
        { runtime, state: p.state, hooksDir: p.hooksDir, before },
        block ?? "",
        p.work.bundle,
      );
      expect(r.stderr).toBe("");
      expect(r.exitCode).toBe(0);
      const lines = r.stdout.trim().split("\n");
      expect(lines).toHaveLength(1);
      const m = parseMountInfoLine(lines[0] ?? "");
      expect([m.mountPoint, m.root, m.fsType, m.source]).toEqual([
        "/data",
        "/data",
        "tmpfs",
        "ocimount-srv",
      ]);
      expect(m.mountOptions).toContain("ro");
    });
  },
);

describe("the README's hooks.d definitions", () => {
  test("the first is what install-hook writes by default, and only createRuntime", () => {
    const exe = join(scratch.dir, "single-file-exe");
    writeFileSync(exe, "x");
    const sha = createHash("sha256").update("x").digest("hex");
    const r = Bun.spawnSync(
      ["bun", BIN, "install-hook", "--from", exe, "--sha256", sha, "--dry-run"],
      {
        stdout: "pipe",
        stderr: "pipe",
      },
    );
    expect(r.exitCode).toBe(0);
    const out = r.stdout.toString();
    const json = out.slice(out.indexOf("\n{") + 1);
    expect(JSON.parse(json)).toEqual(README_ANNOTATION_HOOK);
    expect(README_ANNOTATION_HOOK?.stages).toEqual(["createRuntime"]);
  });

  test("the second differs from it only in its args and its condition", () => {
    const { hook, when, ...rest } = README_PROFILE_HOOK ?? ({} as HookDefinition);
    const first = README_ANNOTATION_HOOK ?? ({} as HookDefinition);
    expect(rest).toEqual({ version: first.version, stages: first.stages });
    expect({ ...hook, args: first.hook.args }).toEqual(first.hook);
    expect(hook.args).toEqual(["ocimount", "hook", "--mounts", "/etc/ocimount/data.json"]);
    expect(when).toEqual({ annotations: { "^org\\.ocimount\\.profile$": "^data$" } });
  });
});
