// What bench/vs-crun needs on the machine: crun, runc (a second column, optional), a static
// busybox for /bin/true, a C compiler; found on PATH, else installed with apt-get when it
// exists. And the reference program compiled like the sealed executable.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SEALED_COMPILE_FLAGS } from "../buildCli.ts";

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
 * An executable compiled with the sealed executable's flags from a one-line program that does
 * nothing: the floor of any such executable's start. Returns its argv.
 */
export function buildEmptyExe(buildDir: string): string[] {
  mkdirSync(buildDir, { recursive: true });
  const source = join(buildDir, "empty.ts");
  const out = join(buildDir, "empty-exe");
  writeFileSync(source, "process.exitCode = 0;\n");
  sh([process.execPath, "build", ...SEALED_COMPILE_FLAGS, source, "--outfile", out], buildDir);
  return [out];
}
