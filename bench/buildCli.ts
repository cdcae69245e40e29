// The CLI in the forms users install, built by the benchmarks from apps/cli's own build scripts
// into bench/.build/ (never into apps/cli/dist, which another build may be rewriting).
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildExe, COMPILE_FLAGS, hostTarget } from "../apps/cli/build/buildExe.ts";
import { buildLauncher } from "../apps/cli/build/buildLauncher.ts";

const APP = join(import.meta.dir, "..", "apps", "cli");

/**
 * The npm package's form: apps/cli's `build` script (`bun build --target=bun --splitting`, then
 * the launcher that re-executes Bun with ocimount's own config) into `outDir`. Returns the
 * paths of the launcher (`bin/ocimount`) and of the bundle's entry (`bin/ocimount.js`, which
 * `bun` runs directly). Fails loudly when the script no longer has the shape this expects.
 */
export function buildNpmForm(outDir: string): { launcher: string; bundle: string } {
  const script = String(JSON.parse(readFileSync(join(APP, "package.json"), "utf8")).scripts.build);
  const bundle = script.split(" && ").find((part) => part.startsWith("bun build "));
  if (!bundle?.includes(" --outdir dist"))
    throw new Error(`unexpected apps/cli build script: ${script}`);
  rmSync(outDir, { recursive: true, force: true });
  const command = bundle.replace(" --outdir dist", ` --outdir '${outDir}'`);
  const r = Bun.spawnSync(["sh", "-c", command], { cwd: APP, stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`CLI build failed: ${r.stderr.toString()}`);
  buildLauncher(outDir);
  return { launcher: join(outDir, "bin", "ocimount"), bundle: join(outDir, "bin", "ocimount.js") };
}

/**
 * The sealed executable, as `bun run build:exe` makes it (the static front that refuses Bun's
 * variables, then the compiled CLI), for the host into `outDir`. Returns the front's path.
 */
export function buildSealedExe(outDir: string): string {
  const target = hostTarget();
  if (!target) throw new Error(`no sealed executable for ${process.platform}-${process.arch}`);
  return join(buildExe(target, outDir), "ocimount");
}

/** The compile flags of the sealed executable, for reference programs built the same way. */
export const SEALED_COMPILE_FLAGS: readonly string[] = COMPILE_FLAGS;
