// What bench/vs-crun needs on the machine: crun, runc (a second column, optional), a static
// busybox for /bin/true, a C compiler; found on PATH, else installed with apt-get when it
// exists. And the two forms of the CLI it measures, built from apps/cli.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Path of `cmd` on PATH, or undefined. */
export function which(cmd: string): string | undefined {
  const r = Bun.spawnSync(["sh", "-c", `command -v ${cmd}`], { stdout: "pipe" });
  const path = r.stdout.toString().trim();
  return r.exitCode === 0 && path ? path : undefined;
}

/** Debian/Ubuntu package that provides each tool. */
const PACKAGES: Record<string, string> = {
  crun: "crun",
  runc: "runc",
  busybox: "busybox-static",
  cc: "gcc",
};

/**
 * Finds each tool, installing the missing ones with apt-get (non-interactive) when it exists.
 * Returns the paths found; a tool still missing is absent from the result.
 */
export function findOrInstall(tools: readonly string[]): Record<string, string> {
  const missing = tools.filter((t) => !which(t));
  if (missing.length > 0 && which("apt-get")) {
    const pkgs = missing.map((t) => PACKAGES[t] ?? t);
    console.error(`installing ${pkgs.join(" ")} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    Bun.spawnSync(["apt-get", "install", "-y", "--no-install-recommends", ...pkgs], {
      env,
      stdout: "ignore",
      stderr: "inherit",
    });
  }
  const found: Record<string, string> = {};
  for (const t of tools) {
    const path = which(t);
    if (path) found[t] = path;
  }
  return found;
}

/** Compiles bench/vs-crun/<name>.c into `buildDir`; returns the binary. */
export function compileC(here: string, buildDir: string, name: string): string {
  const out = join(buildDir, name);
  const cc = Bun.spawnSync(["cc", "-O2", "-Wall", "-o", out, join(here, `${name}.c`)], {
    stderr: "pipe",
  });
  if (cc.exitCode !== 0) throw new Error(`cc ${name}.c failed: ${cc.stderr.toString()}`);
  return out;
}

function sh(argv: string[], cwd: string): void {
  const r = Bun.spawnSync(argv, { cwd, stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`${argv.join(" ")} failed: ${r.stderr.toString()}`);
}

/**
 * The CLI as apps/cli's `build` script bundles it (`bun build --target=bun`), into
 * `outDir` instead of apps/cli/dist (which another build may be rewriting). Returns the argv
 * prefix that runs it.
 */
export function buildBundle(repo: string, outDir: string): string[] {
  const appDir = join(repo, "apps", "cli");
  const script = String(
    JSON.parse(readFileSync(join(appDir, "package.json"), "utf8")).scripts.build,
  );
  const command = script.replace(/^rm -rf dist && /, "");
  if (!command.startsWith("bun build ") || !command.includes(" --outdir dist"))
    throw new Error(`unexpected apps/cli build script: ${script}`);
  rmSync(outDir, { recursive: true, force: true });
  sh(command.replace(" --outdir dist", ` --outdir ${outDir}`).split(" "), appDir);
  return [process.execPath, join(outDir, "bin", "ocimount.js")];
}

/**
 * The sealed executable: `exePath` when given (e.g. the one apps/cli's own build made), else
 * compiled here the way a sealed executable is made: `bun build --compile --bytecode --minify`
 * with bunfig/.env autoloading off. Returns the argv prefix that runs it.
 */
export function buildExe(repo: string, buildDir: string, exePath?: string): string[] {
  if (exePath) {
    if (!existsSync(exePath)) throw new Error(`--exe ${exePath}: no such file`);
    return [exePath];
  }
  return [
    compileExe(join(repo, "apps", "cli"), "./bin/ocimount.ts", join(buildDir, "ocimount-exe")),
  ];
}

/**
 * An executable compiled the same way from a one-line program that does nothing: the floor of
 * any sealed Bun executable's start. Returns its argv.
 */
export function buildEmptyExe(buildDir: string): string[] {
  const source = join(buildDir, "empty.ts");
  writeFileSync(source, "process.exitCode = 0;\n");
  return [compileExe(buildDir, source, join(buildDir, "empty-exe"))];
}

function compileExe(cwd: string, entry: string, out: string): string {
  mkdirSync(dirname(out), { recursive: true });
  sh(
    [
      process.execPath,
      "build",
      "--compile",
      "--bytecode",
      "--minify",
      "--format=esm",
      "--no-compile-autoload-bunfig",
      "--no-compile-autoload-dotenv",
      entry,
      "--outfile",
      out,
    ],
    cwd,
  );
  return out;
}
