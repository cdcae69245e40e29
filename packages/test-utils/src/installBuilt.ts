import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function run(argv: string[], cwd: string): void {
  const r = Bun.spawnSync(argv, { cwd, stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) {
    throw new Error(`${argv.join(" ")} (in ${cwd}) failed:\n${r.stdout}${r.stderr}`);
  }
}

/**
 * Builds the workspace package in `packageDir` with its own `tsconfig.build.json` and lays it
 * out as installed in `nodeModules` (`nodeModules/<name>/dist`, and the manifest a user gets:
 * `publishConfig` fields applied, no scripts or devDependencies), so plain Node can import it by
 * name. Builds into that directory, never the package's own `dist/` (a parallel `turbo build`
 * may be writing there). Returns the installed package's directory. Throws if tsc fails.
 */
export function installBuilt(packageDir: string, nodeModules: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const installed = join(nodeModules, manifest.name);
  mkdirSync(installed, { recursive: true });
  run(
    ["bunx", "tsc", "-p", "tsconfig.build.json", "--outDir", join(installed, "dist")],
    packageDir,
  );
  const { access: _access, ...published } = manifest.publishConfig ?? {};
  const { publishConfig: _p, scripts: _s, devDependencies: _d, ...rest } = manifest;
  writeFileSync(join(installed, "package.json"), JSON.stringify({ ...rest, ...published }));
  for (const file of ["README.md", "LICENSE"]) {
    if (existsSync(join(packageDir, file))) cpSync(join(packageDir, file), join(installed, file));
  }
  return installed;
}
