/**
 * No foreign code runs as root: the sealed executable (apps/cli/build/buildExe.ts) never loads a
 * bunfig.toml or .env from its working directory, from the bundle it sets up by default, or from
 * the rootfs of a container it is a hook of (runc starts a createContainer hook there), and it
 * refuses the environment variables that make Bun load code (BUN_OPTIONS, BUN_BE_BUN, ...).
 * Each hostile directory holds tests/fixtures/sealed/hostile.ts's files; a run that loaded any of
 * them would leave a marker or print a stack trace. Control rows show, with plain `bun`, that the
 * same files and variables do act when nothing stops them, so the absence of a marker means
 * something. Runs as root and as an ordinary user (runc then in a user namespace).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildExe, hostTarget, TARGETS } from "../apps/cli/build/buildExe.ts";
import { REFUSED_ENVIRONMENT } from "../apps/cli/launcher/REFUSED_ENVIRONMENT.ts";
import { refusedFor } from "../apps/cli/launcher/refusedVariable.ts";
import { BIN } from "./fixtures/cli/cli.ts";
import { busyboxConfig, makeWorkDir, writeConfig } from "./fixtures/hook/runc.ts";
import { hasStackTrace, markers, plantHostile } from "./fixtures/sealed/hostile.ts";
import { mountTest, runInNamespace } from "./helpers/namespace.ts";
import { runcInTier, runcTierSkipReason } from "./helpers/runcTier.ts";

const host = hostTarget();
let scratch: string;
let exeDir: string;
const made: string[] = [];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "ocimount-sealed-"));
  made.push(scratch);
  if (host) exeDir = buildExe(host, join(scratch, "exe"));
}, 300_000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const front = () => join(exeDir, "ocimount");
const payload = () => join(exeDir, "ocimount-bun");

/** A fresh hostile directory with its own marker directory. */
function hostileDir(tag: string): { dir: string; markerDir: string } {
  const dir = mkdtempSync(join(scratch, `${tag}-`));
  const markerDir = join(dir, "markers");
  plantHostile(dir, markerDir, tag);
  return { dir, markerDir };
}

function sh(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = Bun.spawnSync(argv, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NO_COLOR: "1", ...options.env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

const hostTest = (name: string, fn: () => void) =>
  test.skipIf(!host)(
    host ? name : `${name} [skipped: no sealed build for ${process.arch}]`,
    fn,
    120_000,
  );

describe("control: what the sealed build stops does act on plain bun", () => {
  hostTest("bun bin/ocimount.ts in a hostile directory runs its preload and reads its .env", () => {
    const { dir, markerDir } = hostileDir("control");
    const r = sh(["bun", BIN, "plan", "--bundle", join(dir, "nope")], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(markers(markerDir).length).toBe(1);
    expect(hasStackTrace(r.stderr)).toBe(true); // OCIMOUNT_DEBUG=1 came from .env
  });

  hostTest("the compiled CLI alone acts on BUN_OPTIONS before any of its code runs", () => {
    // This is why the executable has a front: ocimount-bun's own refusal comes after the preload.
    const { dir, markerDir } = hostileDir("inner");
    const preload = join(dir, "ocimount-preload.cjs");
    const r = sh([payload(), "--version"], {
      cwd: "/",
      env: { BUN_OPTIONS: `--preload=${preload}` },
    });
    expect(markers(markerDir).length).toBe(1);
    expect(r.stderr).toContain("refusing to start: BUN_OPTIONS is set");
    expect(r.exitCode).toBe(1);
  });

  hostTest("the compiled CLI alone becomes the bun CLI with BUN_BE_BUN=1", () => {
    const r = sh([payload(), "--version"], { env: { BUN_BE_BUN: "1" } });
    expect(r.stdout.trim()).toBe(Bun.version);
  });

  hostTest("the compiled CLI alone writes BUN_BYTECODE_ORDER_OUT's file", () => {
    const out = join(scratch, "order-profile");
    sh([payload(), "--version"], { env: { BUN_BYTECODE_ORDER_OUT: out } });
    expect(() => readFileSync(out)).not.toThrow();
  });
});

describe("the sealed executable", () => {
  hostTest("its SHA256SUMS verifies both files", () => {
    const r = sh(["sha256sum", "-c", "SHA256SUMS"], { cwd: exeDir });
    expect(r.stdout).toBe("ocimount: OK\nocimount-bun: OK\n");
    expect(r.exitCode).toBe(0);
  });

  hostTest("in a hostile working directory: no preload, no .env", () => {
    const { dir, markerDir } = hostileDir("cwd");
    const version = sh([front(), "--version"], { cwd: dir });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(version.exitCode).toBe(0);
    const flags = sh([front(), "flags", "ro"], { cwd: dir });
    expect(flags.exitCode).toBe(0);
    const failing = sh([front(), "plan", "--bundle", join(dir, "nope")], { cwd: dir });
    expect(failing.exitCode).toBe(1);
    expect(failing.stderr.trim().split("\n")[0]).toContain("ocimount: plan: ");
    expect(hasStackTrace(failing.stderr)).toBe(false);
    expect(markers(markerDir)).toEqual([]);
  });

  const refusedRows = REFUSED_ENVIRONMENT.filter((row) => refusedFor(row, "bun"));
  for (const row of refusedRows) {
    const variable = row.match === "prefix" ? `${row.name}X` : row.name;
    hostTest(`refuses ${variable} in one line, before Bun starts`, () => {
      const { dir, markerDir } = hostileDir("env");
      const preload = join(dir, "ocimount-preload.cjs");
      const value = variable === "BUN_OPTIONS" ? `--preload=${preload}` : "1";
      const r = sh([front(), "--version"], { cwd: "/", env: { [variable]: value } });
      expect(r.stderr).toBe(
        `ocimount: refusing to start: ${variable} is set in the environment (${row.effect}); unset it\n`,
      );
      expect(r.stdout).toBe("");
      expect(r.exitCode).toBe(1);
      expect(markers(markerDir)).toEqual([]);
    });
  }

  hostTest("refuses a payload that others may write", () => {
    const copy = join(scratch, "loose");
    mkdirSync(copy);
    for (const f of ["ocimount", "ocimount-bun"]) {
      writeFileSync(join(copy, f), readFileSync(join(exeDir, f)), { mode: 0o755 });
    }
    Bun.spawnSync(["chmod", "g+w", join(copy, "ocimount-bun")]);
    const r = sh([join(copy, "ocimount"), "--version"]);
    expect(r.stderr).toContain("ocimount: refusing to run ");
    expect(r.stderr).toContain("writable by nobody else");
    expect(r.exitCode).toBe(1);
  });
});

/** A bundle with one tmpfs mount, hostile files beside config.json. */
function hostileBundle(tag: string) {
  const { dir, markerDir } = hostileDir(tag);
  mkdirSync(join(dir, "rootfs"));
  const config = {
    ociVersion: "1.3.0",
    root: { path: "rootfs" },
    mounts: [{ destination: "/scratch", type: "tmpfs", source: "tmpfs", options: ["size=1m"] }],
  };
  writeFileSync(join(dir, "config.json"), JSON.stringify(config));
  return { dir, markerDir, state: join(dir, "state") };
}

if (host) {
  mountTest("setup and teardown with the default --bundle (the hostile directory itself)", () => {
    const { dir, markerDir, state } = hostileBundle("bundle");
    const script = `"${front()}" setup --state-dir "${state}" && "${front()}" teardown --state-dir "${state}"`;
    const r = runInNamespace(["sh", "-c", script], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("torn down");
    expect(markers(markerDir)).toEqual([]);
  });
}

const runcSkip = host ? runcTierSkipReason() : `no sealed build for ${process.arch}`;
const runcTest = (name: string, fn: () => void) =>
  test.skipIf(runcSkip !== "")(runcSkip ? `${name} [skipped: ${runcSkip}]` : name, fn, 120_000);

/** What the container prints: its own mount of /scratch, then END. */
const SCRIPT = "grep ' /scratch ' /proc/self/mountinfo | sed 's/^/MI /'; echo END";

let serial = 0;

/** How the hook is run: the sealed executable, or (for the control) plain bun on the sources. */
const sealedHook = () => ({ path: front(), args: ["ocimount"] });
const plainBunHook = () => ({ path: process.execPath, args: ["bun", BIN] });

function runcWithHook(
  stage: "createRuntime" | "createContainer",
  env: string[] = ["PATH=/usr/local/bin:/usr/bin:/bin"],
  command = sealedHook(),
) {
  const work = makeWorkDir();
  made.push(work.dir);
  const rootfs = join(work.bundle, "rootfs");
  const markerDir = join(work.dir, "markers");
  plantHostile(rootfs, markerDir, "rootfs"); // a createContainer hook starts in the rootfs
  const cwd = join(work.dir, "cwd");
  mkdirSync(cwd);
  plantHostile(cwd, markerDir, "cwd"); // the directory runc is started in
  plantHostile(work.bundle, markerDir, "bundle"); // runc moves there: a createRuntime hook starts in it
  const mountsFile = join(work.dir, "mounts.json");
  const mounts = [
    { destination: "/scratch", type: "tmpfs", source: "tmpfs", options: ["size=1m"] },
  ];
  writeFileSync(mountsFile, JSON.stringify(mounts));
  const hook = {
    path: command.path,
    args: [...command.args, "hook", "--mounts", mountsFile],
    env,
    timeout: 60,
  };
  writeConfig(work.bundle, busyboxConfig(SCRIPT, { hooks: { [stage]: [hook] } }));
  const r = runcInTier(work, `ocimount-sealed-${process.pid}-${serial++}`, `cd "${cwd}"`);
  return { r, markerDir };
}

describe.each(["createRuntime", "createContainer"] as const)(
  "runc with the sealed executable as a %s hook",
  (stage) => {
    runcTest("mounts, and no hostile file in the rootfs, bundle or runc's directory loads", () => {
      const { r, markerDir } = runcWithHook(stage);
      expect(r.stderr).toBe("");
      expect(r.exitCode).toBe(0);
      const lines = r.stdout.trim().split("\n");
      expect(lines.at(-1)).toBe("END");
      expect(lines.filter((l) => l.startsWith("MI ")).length).toBe(1);
      expect(markers(markerDir)).toEqual([]);
    });

    runcTest("control: plain bun as the same hook loads the hostile files", () => {
      const { r, markerDir } = runcWithHook(stage, undefined, plainBunHook());
      expect(r.exitCode).toBe(0);
      // createContainer starts in the rootfs; createRuntime in the bundle (runc run --bundle chdirs)
      const where = stage === "createContainer" ? "rootfs" : "bundle";
      expect(markers(markerDir).map((m) => m.split("-")[0])).toEqual([where]);
    });

    runcTest("a hook env with BUN_OPTIONS is refused: runc fails with the one line", () => {
      const { r, markerDir } = runcWithHook(stage, [
        "PATH=/usr/bin:/bin",
        "BUN_OPTIONS=--preload=./ocimount-preload.cjs",
      ]);
      expect(r.exitCode).not.toBe(0);
      expect(r.stdout).not.toContain("END");
      expect(r.stderr).toContain(
        "ocimount: refusing to start: BUN_OPTIONS is set in the environment",
      );
      expect(markers(markerDir)).toEqual([]);
    });
  },
);

const arm = TARGETS["linux-arm64"];
const armSkip =
  host === "linux-arm64"
    ? ""
    : Bun.which(arm.cc)
      ? ""
      : `${arm.cc} is not installed (apt-get install gcc-aarch64-linux-gnu)`;
test.skipIf(armSkip !== "")(
  armSkip
    ? `cross-builds linux-arm64 [skipped: ${armSkip}]`
    : "cross-builds linux-arm64: both files are aarch64 ELF",
  () => {
    const dir = buildExe("linux-arm64", join(scratch, "exe-arm64"));
    for (const f of ["ocimount", "ocimount-bun"]) {
      const head = readFileSync(join(dir, f)).subarray(0, 20);
      expect(head.subarray(0, 4).toString("latin1")).toBe("\x7fELF");
      expect(head.readUInt16LE(18)).toBe(0xb7); // EM_AARCH64
    }
    expect(readFileSync(join(dir, "SHA256SUMS"), "utf8").split("\n").length).toBe(3);
  },
  300_000,
);
