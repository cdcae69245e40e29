/**
 * The built package runs in plain Node (no Bun APIs in src/). The build (tsconfig.build.json) goes
 * to a temporary directory, not dist/ (a parallel `turbo build` may be writing there), laid out as
 * an installed package: node_modules/@ocimount/oci-spec with the publish manifest (publishConfig
 * exports applied, as the release tooling does) and valibot next to it. Node then imports it by
 * name, validates a config and reads a bundle.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { installBuilt } from "@ocimount/test-utils";

const PACKAGE = resolve(import.meta.dir, "..");
let root = "";
let installed = "";

function run(argv: string[], cwd: string) {
  const r = Bun.spawnSync(argv, { cwd, stdout: "pipe", stderr: "pipe" });
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "oci-spec-node-"));
  installed = join(root, "node_modules/@ocimount/oci-spec");
  mkdirSync(installed, { recursive: true });
  const build = run(
    ["bunx", "tsc", "-p", "tsconfig.build.json", "--outDir", join(installed, "dist")],
    PACKAGE,
  );
  if (build.code !== 0) throw new Error(`tsc failed:\n${build.out}${build.err}`);
  const manifest = JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8"));
  const { access: _access, ...published } = manifest.publishConfig;
  const { publishConfig: _p, scripts: _s, devDependencies: _d, ...rest } = manifest;
  writeFileSync(join(installed, "package.json"), JSON.stringify({ ...rest, ...published }));
  for (const file of ["README.md", "LICENSE"]) cpSync(join(PACKAGE, file), join(installed, file));
  installBuilt(
    realpathSync(join(PACKAGE, "node_modules/@ocimount/mount-flags")),
    join(root, "node_modules"),
  );
  symlinkSync(
    realpathSync(join(PACKAGE, "node_modules/valibot")),
    join(root, "node_modules/valibot"),
  );
  mkdirSync(join(root, "bundle"));
  writeFileSync(
    join(root, "bundle/config.json"),
    JSON.stringify({
      ociVersion: "1.3.0",
      root: { path: "rootfs" },
      mounts: [{ destination: "tmp" }],
    }),
  );
  mkdirSync(join(root, "fifo-bundle"));
  execFileSync("mkfifo", [join(root, "fifo-bundle/config.json")]);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the build has JavaScript and declarations, and no tests or fixtures", () => {
  const dist = join(installed, "dist");
  expect(existsSync(join(dist, "index.js"))).toBe(true);
  expect(existsSync(join(dist, "index.d.ts"))).toBe(true);
  expect(existsSync(join(dist, "conformance.test.js"))).toBe(false);
  expect(existsSync(join(dist, "mutate.fixture.js"))).toBe(false);
});

test("node imports the installed package by name, validates and reads bundles", () => {
  const script = `
    const m = await import("@ocimount/oci-spec");
    const good = m.validateConfig({ ociVersion: "1.3.0", linux: { resources: { hugepageLimits: [{ pageSize: "2MB", limit: 9223372036854772000 }] } } });
    const bad = m.validateConfig({ ociVersion: "1.3.0", mounts: [{ destination: 1 }] });
    const read = await m.readBundleConfig(${JSON.stringify(join(root, "bundle"))});
    const fifo = await m.readBundleConfig(${JSON.stringify(join(root, "fifo-bundle"))}).catch((e) => e);
    let deep; try { m.readJsonText("[".repeat(1e6)); } catch (e) { deep = e.code; }
    console.log(JSON.stringify({
      good: good.success, bad: bad.issues.map((i) => i.path),
      warnings: m.lintConfig(read.config).map((w) => w.path),
      fifo: [fifo instanceof m.BundleError, fifo.code, fifo.fileType], deep,
    }));`;
  const r = run(["node", "--input-type=module", "-e", script], root);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out)).toEqual({
    good: true,
    bad: ["/mounts/0/destination"],
    warnings: ["/mounts/0/destination"],
    fifo: [true, "ENOTREG", "fifo"],
    deep: "EDEPTH",
  });
});
