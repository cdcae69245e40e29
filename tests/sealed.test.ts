/**
 * No foreign code runs as root: the sealed executable (apps/cli/build/buildExe.ts) never loads a
 * bunfig.toml or .env from its working directory, from the bundle it sets up by default, or from
 * the rootfs or bundle of a container it is a hook of, and it refuses the environment variables
 * that make Bun load code (BUN_OPTIONS, BUN_BE_BUN, ...): fixtures/sealed/formTests.ts. Control
 * rows show that the same files and variables do act on plain `bun` and on the compiled CLI
 * without its front, so the absence of a marker means something. Runs as root and as an
 * ordinary user (runc then in a user namespace).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildExe, hostTarget, TARGETS } from "../apps/cli/build/buildExe.ts";
import { HOOK_ENV, hookDefinition } from "../apps/cli/src/commands/installHookDefinition.ts";
import { BIN } from "./fixtures/cli/cli.ts";
import { formTests } from "./fixtures/sealed/formTests.ts";
import { hasStackTrace, markers, PRELOAD } from "./fixtures/sealed/hostile.ts";
import {
  hostileDir,
  removeScenarioDirs,
  runcWithHook,
  scratchDir,
  sh,
} from "./fixtures/sealed/scenarios.ts";
import { runcTierSkipReason } from "./helpers/runcTier.ts";

const host = hostTarget();
const noBuild = !host
  ? `no sealed build for ${process.platform}-${process.arch}`
  : Bun.which("cc")
    ? ""
    : "no C compiler (cc) for the front (apt-get install gcc)";
let scratch: string;
let exeDir: string;

beforeAll(() => {
  scratch = scratchDir("ocimount-sealed-");
  if (host && noBuild === "") exeDir = buildExe(host, join(scratch, "exe"));
}, 300_000);
afterAll(removeScenarioDirs);

const front = () => join(exeDir, "ocimount");
const payload = () => join(exeDir, "ocimount-bun");

const it = (name: string, fn: () => void) =>
  test.skipIf(noBuild !== "")(noBuild ? `${name} [skipped: ${noBuild}]` : name, fn, 120_000);

describe("control: what the sealed executable stops does act without it", () => {
  it("bun bin/ocimount.ts in a hostile directory runs its preload and reads its .env", () => {
    const { dir, markerDir } = hostileDir(scratch, "control");
    const r = sh(["bun", BIN, "plan", "--bundle", join(dir, "nope")], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(markers(markerDir).length).toBe(1);
    expect(hasStackTrace(r.stderr)).toBe(true); // OCIMOUNT_DEBUG=1 came from .env
  });

  it("the compiled CLI without its front acts on BUN_OPTIONS before any of its code runs", () => {
    // This is why the executable has a front: ocimount-bun's own refusal comes after the preload.
    const { dir, markerDir } = hostileDir(scratch, "inner");
    const env = { BUN_OPTIONS: `--preload=${join(dir, PRELOAD)}` };
    const r = sh([payload(), "--version"], { cwd: "/", env });
    expect(markers(markerDir).length).toBe(1);
    expect(r.stderr).toContain("refusing to start: BUN_OPTIONS is set");
    expect(r.exitCode).toBe(1);
  });

  it("the compiled CLI without its front becomes the bun CLI with BUN_BE_BUN=1", () => {
    const r = sh([payload(), "--version"], { env: { BUN_BE_BUN: "1" } });
    expect(r.stdout.trim()).toBe(Bun.version);
  });

  it("the compiled CLI without its front writes BUN_BYTECODE_ORDER_OUT's file", () => {
    const out = join(scratch, "order-profile");
    sh([payload(), "--version"], { env: { BUN_BYTECODE_ORDER_OUT: out } });
    expect(() => readFileSync(out)).not.toThrow();
  });

  const runcSkip = noBuild || runcTierSkipReason();
  describe.each(["createRuntime", "createContainer"] as const)("runc, %s", (stage) => {
    test.skipIf(runcSkip !== "")(
      `plain bun as the hook loads the hostile files of its start directory${runcSkip ? ` [skipped: ${runcSkip}]` : ""}`,
      () => {
        const hook = { path: process.execPath, args: ["bun", BIN] };
        const { r, markerDir } = runcWithHook(stage, hook, ["PATH=/usr/bin:/bin"]);
        expect(r.exitCode).toBe(0);
        // createContainer starts in the rootfs; createRuntime in the bundle (runc run --bundle chdirs)
        const where = stage === "createContainer" ? "rootfs" : "bundle";
        expect(markers(markerDir).map((m) => m.split("-")[0])).toEqual([where]);
      },
      120_000,
    );
  });
});

describe("the sealed executable's files", () => {
  it("its SHA256SUMS verifies both files", () => {
    const r = sh(["sha256sum", "-c", "SHA256SUMS"], { cwd: exeDir });
    expect(r.stdout).toBe("ocimount: OK\nocimount-bun: OK\n");
    expect(r.exitCode).toBe(0);
  });

  it("the front refuses a payload that others may write", () => {
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

  it("the front says so when its payload is missing", () => {
    const alone = join(scratch, "alone");
    mkdirSync(alone);
    writeFileSync(join(alone, "ocimount"), readFileSync(front()), { mode: 0o755 });
    const r = sh([join(alone, "ocimount"), "--version"]);
    expect(r.stderr).toBe(
      `ocimount: ${join(alone, "ocimount-bun")} is missing (install it beside the front): No such file or directory\n`,
    );
    expect(r.exitCode).toBe(1);
  });
});

formTests({
  name: "the sealed executable",
  skip: noBuild,
  argv: () => [front()],
  hook: () => ({ path: front(), args: ["ocimount"] }),
  hookPath: "/usr/local/bin:/usr/bin:/bin",
  staticFront: true,
  scratch: () => scratch,
});

const arm = TARGETS["linux-arm64"];
const armSkip =
  host === "linux-arm64" || Bun.which(arm.cc)
    ? ""
    : `${arm.cc} is not installed (apt-get install gcc-aarch64-linux-gnu)`;
test.skipIf(armSkip !== "")(
  `cross-builds linux-arm64: both files are aarch64 ELF${armSkip ? ` [skipped: ${armSkip}]` : ""}`,
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

describe("hook definitions set env explicitly (a hook without env gets the runtime's environment)", () => {
  /** Every object with a `path` and `args` (a hook) in the README's JSON blocks. */
  function readmeHooks(): Record<string, unknown>[] {
    const readme = readFileSync(join(import.meta.dir, "..", "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
    const hooks: Record<string, unknown>[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (typeof o.path === "string" && Array.isArray(o.args)) hooks.push(o);
        Object.values(o).forEach(walk);
      }
    };
    // a config.json fragment ("hooks": {...}) is wrapped into an object first
    for (const b of blocks) walk(JSON.parse(b.trimStart().startsWith('"') ? `{${b}}` : b));
    return hooks;
  }

  test("every hook in the README", () => {
    const hooks = readmeHooks();
    expect(hooks.length).toBeGreaterThanOrEqual(3);
    for (const hook of hooks) {
      expect(Array.isArray(hook.env)).toBe(true);
      expect((hook.env as string[]).some((e) => e.startsWith("PATH="))).toBe(true);
    }
  });

  test("the definition install-hook writes", () => {
    expect(hookDefinition("/usr/local/libexec/ocimount/ocimount").hook.env).toEqual([...HOOK_ENV]);
    expect(HOOK_ENV.length).toBeGreaterThan(0);
  });
});
