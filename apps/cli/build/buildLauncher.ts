#!/usr/bin/env bun
/**
 * Writes the npm package's launcher beside the bundle (run by `build`, after `bun build`):
 *   dist/bin/ocimount   the `bin` of the package: launcher/ocimount.sh with the refused variables
 *   dist/bin/ocimount.toml  the configuration the launcher gives Bun with --config (no preload);
 *                       not named bunfig.toml, which `bun pm pack` leaves out of a tarball
 */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launcherScript } from "./generated.ts";

const APP = join(import.meta.dir, "..");

const BUNFIG = `# ocimount's own Bun configuration. The launcher (bin/ocimount) starts Bun with
# --config=<this file> and --no-env-file, so Bun never reads a bunfig.toml or a .env file from
# the directory ocimount is started in. Deliberately empty: no preload, no plugins.
`;

/** Writes the launcher and its bunfig.toml into `dist` (default: apps/cli/dist). */
export function buildLauncher(dist: string = join(APP, "dist")): void {
  const script = launcherScript(readFileSync(join(APP, "launcher", "ocimount.sh"), "utf8"));
  const bin = join(dist, "bin", "ocimount");
  writeFileSync(bin, script);
  chmodSync(bin, 0o755);
  writeFileSync(join(dist, "bin", "ocimount.toml"), BUNFIG);
}

if (import.meta.main) buildLauncher();
