/**
 * The published build in plain Node fails at import with one clear message, and in Bun imports
 * without loading libc. The package is compiled with its own tsconfig.build.json into a
 * temporary node_modules layout (not dist/, which a parallel `turbo build` may be writing); its
 * workspace dependencies, whose sources are TypeScript, are bundled for Node beside it, as their
 * published builds would be.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const PACKAGE = resolve(import.meta.dir, "..");
const MESSAGE = "@ocimount/mounter needs Bun (it uses bun:ffi); see README";
let root: string;
let dist: string;

function run(argv: string[], env: Record<string, string> = {}) {
  const r = Bun.spawnSync(argv, {
    cwd: root ?? PACKAGE,
    env: { ...process.env, ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
}

function writePackage(name: string, exports: Record<string, string>): string {
  const dir = join(root, "node_modules", name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, type: "module", exports }));
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "mounter-node-"));
  dist = join(writePackage("@ocimount/mounter", { ".": "./dist/index.js" }), "dist");
  const tsc = Bun.spawnSync(["bunx", "tsc", "-p", "tsconfig.build.json", "--outDir", dist], {
    cwd: PACKAGE,
    stdout: "pipe",
    stderr: "pipe",
  });
  if (tsc.exitCode !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  // Each entry point (mount-flags has three) bundled on its own, as published.
  const entries: [dep: string, subpaths: string[]][] = [
    ["mount-flags", [".", "./errors", "./linux"]],
    ["oci-spec", ["."]],
    ["symlink-resolver", ["."]],
  ];
  for (const [dep, subpaths] of entries) {
    const src = dirname(Bun.resolveSync(`@ocimount/${dep}`, PACKAGE));
    const file = (subpath: string) => (subpath === "." ? "index" : subpath.slice(2));
    const exports = Object.fromEntries(subpaths.map((p) => [p, `./${file(p)}.js`]));
    const dir = writePackage(`@ocimount/${dep}`, exports);
    for (const subpath of subpaths) {
      const entry = join(src, `${file(subpath)}.ts`);
      const out = join(dir, `${file(subpath)}.js`);
      const b = Bun.spawnSync(["bun", "build", entry, "--target=node", "--outfile", out], {
        stdout: "pipe",
        stderr: "pipe",
      });
      if (b.exitCode !== 0) throw new Error(`bun build ${dep} failed:\n${b.stderr}`);
    }
  }
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

test.each([
  ["the package name", "@ocimount/mounter"],
  ["the built index.js", "DIST"],
])("node importing %s gets one clear error", (_name, specifier) => {
  const target = specifier === "DIST" ? join(dist, "index.js") : specifier;
  const caught = run([
    "node",
    "--input-type=module",
    "-e",
    `try { await import(${JSON.stringify(target)}); console.log("imported"); }
     catch (e) { console.log(JSON.stringify({ code: e.code ?? null, message: e.message })); }`,
  ]);
  expect(caught.err).toBe("");
  expect(JSON.parse(caught.out)).toEqual({ code: null, message: MESSAGE });
  const uncaught = run([
    "node",
    "--input-type=module",
    "-e",
    `await import(${JSON.stringify(target)});`,
  ]);
  expect(uncaught.code).toBe(1);
  expect(uncaught.err).toContain(`Error: ${MESSAGE}`);
  expect(uncaught.err).not.toContain("ERR_UNSUPPORTED_ESM_URL_SCHEME");
});

test("bun imports the build without loading libc; the first call loads it", () => {
  // LD_DEBUG=files logs every dlopen: libc.so.6 must be opened only after the first call.
  const script = `
    const m = await import(${JSON.stringify(join(dist, "index.js"))});
    const sys = m.createSyscalls();
    console.error("MARK imported");
    try { sys.close(-1); } catch (e) { console.error("MARK " + e.code); }`;
  const r = run(["bun", "-e", script], { LD_DEBUG: "files" });
  expect(r.code).toBe(0);
  const lines = r.err.split("\n");
  const imported = lines.findIndex((l) => l.includes("MARK imported"));
  const opened = lines.findIndex((l) => /opening file=.*libc\.so\.6/.test(l));
  expect(imported).toBeGreaterThan(-1);
  expect(opened).toBeGreaterThan(imported);
  expect(lines.some((l) => l.includes("MARK EBADF"))).toBe(true);
});
