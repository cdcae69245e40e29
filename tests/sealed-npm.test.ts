/**
 * No foreign code runs as root, npm form: the `ocimount` command of the packed npm package (its
 * launcher, apps/cli/launcher/ocimount.sh) passes the same tests as the sealed executable
 * (fixtures/sealed/formTests.ts), through `node_modules/.bin/ocimount` and through `bunx`; and
 * without Bun on PATH it runs the commands that need no libc under Node.js and says what the
 * others need. The package is built and packed as a release does (scripts/pack.ts), then
 * installed with plain `npm install <tarball>`.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { COMMANDS } from "../apps/cli/src/commandTable.ts";
import type { Packed } from "../scripts/pack.ts";
import { formTests } from "./fixtures/sealed/formTests.ts";
import { hasStackTrace, markers, plantHostile } from "./fixtures/sealed/hostile.ts";
import { hostileDir, removeScenarioDirs, scratchDir, sh } from "./fixtures/sealed/scenarios.ts";
import { writableRepo } from "./helpers/writableRepo.ts";

let scratch: string;
let project: string;
const bin = () => join(project, "node_modules", ".bin", "ocimount");
const bundled = () => join(project, "node_modules", "ocimount", "dist", "bin", "ocimount.js");

beforeAll(async () => {
  scratch = scratchDir("ocimount-sealed-npm-");
  const repo = writableRepo(scratch);
  const build = Bun.spawnSync(["bun", "run", "build"], {
    cwd: join(repo, "apps/cli"),
    stderr: "pipe",
  });
  if (build.exitCode !== 0) throw new Error(`apps/cli build failed: ${build.stderr.toString()}`);
  const pack: typeof import("../scripts/pack.ts") = await import(join(repo, "scripts/pack.ts"));
  const [cli] = pack.packAll(join(scratch, "tarballs"), {
    build: false,
    only: ["ocimount"],
  }) as Packed[];
  project = join(scratch, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), '{"name":"cli-user","private":true}\n');
  const npm = ["npm", "install", "--no-audit", "--no-fund", cli!.tarball];
  const r = Bun.spawnSync(npm, { cwd: project, stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`npm install failed: ${r.stderr.toString()}`);
}, 300_000);
afterAll(removeScenarioDirs);

formTests({
  name: "the npm bin",
  skip: "",
  argv: () => [bin()],
  hook: () => ({ path: bin(), args: ["ocimount"] }),
  hookPath: "/usr/local/bin:/usr/bin:/bin",
  staticFront: false,
  scratch: () => scratch,
});

describe("bunx ocimount", () => {
  test("in a project holding the hostile files: no preload, no .env", () => {
    const markerDir = join(scratch, "bunx-markers");
    plantHostile(project, markerDir, "bunx");
    const version = sh(["bunx", "ocimount", "--version"], { cwd: project });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const failing = sh(["bunx", "ocimount", "plan", "--bundle", join(scratch, "nope")], {
      cwd: project,
    });
    expect(failing.exitCode).toBe(1);
    expect(failing.stderr.split("\n")[0]).toContain("ocimount: plan: ");
    expect(hasStackTrace(failing.stderr)).toBe(false);
    expect(markers(markerDir)).toEqual([]);
  });
});

/** A PATH directory with node, npm, npx, sh and readlink, and no bun. */
function pathWithout(name: string, tools: string[]): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const tool of tools) {
    const found = Bun.which(tool);
    if (!found) throw new Error(`${tool} not found`);
    symlinkSync(found, join(dir, tool));
  }
  return dir;
}

describe("without Bun on PATH", () => {
  let noBun: string;
  beforeAll(() => {
    noBun = pathWithout("no-bun", ["node", "npm", "npx", "sh", "readlink"]);
  });
  const npx = (args: string[], env: Record<string, string> = {}, cwd = project) =>
    sh(["npx", "ocimount", ...args], { cwd, env: { PATH: noBun, ...env } });

  test("npx ocimount --help runs under Node.js", () => {
    const r = npx(["--help"]);
    expect(r.stdout).toContain("USAGE ocimount <command>");
    expect(r.exitCode).toBe(0);
  });

  test("npx ocimount flags ro and validate run under Node.js", () => {
    expect(npx(["flags", "ro"]).stdout).toContain("0x1  ro");
    const bundle = join(scratch, "valid-bundle");
    mkdirSync(join(bundle, "rootfs"), { recursive: true });
    writeFileSync(join(bundle, "config.json"), '{"ociVersion":"1.3.0","root":{"path":"rootfs"}}');
    const r = npx(["validate", bundle]);
    expect(r.stdout).toContain("valid");
    expect(r.exitCode).toBe(0);
  });

  test("npx ocimount plan says that it needs Bun, in one line", () => {
    const r = npx(["plan"]);
    expect(r.stderr).toStartWith("ocimount: plan needs Bun 1.4, which is not on PATH (");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.exitCode).toBe(1);
  });

  test("under Node.js NODE_OPTIONS is refused, and a hostile directory loads nothing", () => {
    const { dir, markerDir } = hostileDir(scratch, "node");
    const refused = sh([bin(), "--version"], {
      cwd: dir,
      env: { PATH: noBun, NODE_OPTIONS: `--require=${join(dir, "ocimount-preload.cjs")}` },
    });
    expect(refused.stderr).toStartWith("ocimount: refusing to start: NODE_OPTIONS is set");
    expect(refused.exitCode).toBe(1);
    const failing = sh([bin(), "validate", join(dir, "nope")], { cwd: dir, env: { PATH: noBun } });
    expect(failing.exitCode).toBe(1);
    expect(hasStackTrace(failing.stderr)).toBe(false);
    expect(markers(markerDir)).toEqual([]);
  });

  /** `ocimount NAME --help` under Node.js for every command; what each printed. */
  const underNode = () => {
    const results = new Map<string, { exitCode: number; stderr: string }>();
    for (const { name } of COMMANDS) {
      results.set(name, sh(["node", bundled(), name, "--help"], { env: { PATH: noBun } }));
    }
    return results;
  };
  const needsBun = (name: string, ran: string[]) =>
    `ocimount: ${name} needs Bun 1.4, which is not on PATH (under Node.js only --help, --version, ${ran.join(", ")} run): npm install -g bun@1.4.5\n`;

  test("every command either runs under Node.js or says, in one line, that it needs Bun", () => {
    const results = underNode();
    const ran = [...results].filter(([, r]) => r.exitCode === 0).map(([name]) => name);
    for (const [name, r] of results) {
      if (r.exitCode === 0) expect(r.stderr).toBe("");
      else {
        expect(r.stderr).toBe(needsBun(name, ran));
        expect(r.exitCode).toBe(1);
      }
    }
    // what the README says runs under Node.js, and what needs Bun
    expect(ran).toEqual(
      expect.arrayContaining(["flags", "validate", "resolve", "help", "install-hook"]),
    );
    for (const name of ["setup", "teardown", "plan", "status", "hook"])
      expect(ran).not.toContain(name);
  });

  test("with neither Bun nor Node.js the launcher says what to install", () => {
    const bare = pathWithout("bare", ["readlink"]);
    const r = sh(["/bin/sh", bin(), "--help"], { env: { PATH: bare } });
    expect(r.stderr).toBe(
      "ocimount: needs Bun 1.4, which is not on PATH: npm install -g bun@1.4.5 (or see https://bun.sh)\n",
    );
    expect(r.exitCode).toBe(127);
  });
});
