#!/usr/bin/env bun
/**
 * Packs every publishable package into a tarball, as it would be published:
 *   bun scripts/pack.ts [--out DIR] [--no-build]
 * Builds (Turborepo `build`), stages each package (its `files`, plus a package.json made by
 * `publishManifest`: dist exports, no `workspace:` ranges), and runs `bun pm pack` on the stage.
 * Prints one line per tarball: `<name>\t<tarball path>`.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { publishManifest } from "./publishManifest.ts";
import { REPO_ROOT, type WorkspacePackage, workspacePackages } from "./workspacePackages.ts";

/** A packed package: its name and the absolute path of its tarball. */
export interface Packed {
  name: string;
  tarball: string;
}

function run(argv: string[], cwd: string): string {
  const r = Bun.spawnSync(argv, {
    cwd,
    stdout: "pipe",
    stderr: "pipe",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (r.exitCode !== 0) {
    throw new Error(`${argv.join(" ")} (in ${cwd}) failed:\n${r.stderr.toString()}`);
  }
  return r.stdout.toString();
}

function stage(pkg: WorkspacePackage, versions: Map<string, string>, stageRoot: string): string {
  const manifest = publishManifest(pkg.manifest, versions);
  const dir = join(stageRoot, pkg.dir.replaceAll("/", "__"));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of (manifest.files as string[] | undefined) ?? []) {
    const from = join(pkg.path, entry);
    if (!existsSync(from))
      throw new Error(
        `${pkg.manifest.name}: "${entry}" is listed in files but missing; build first`,
      );
    cpSync(from, join(dir, entry), { recursive: true });
  }
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/**
 * Builds (unless `build` is false) and packs every package into `outDir`, or only the packages
 * named in `only` (built beforehand by the caller when `build` is false).
 */
export function packAll(
  outDir: string,
  options: { build?: boolean; only?: readonly string[] } = {},
): Packed[] {
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  if (options.build !== false) run(["bunx", "turbo", "run", "build"], REPO_ROOT);
  const all = workspacePackages();
  const versions = new Map(all.map((p) => [p.manifest.name, p.manifest.version]));
  const packages = options.only ? all.filter((p) => options.only!.includes(p.manifest.name)) : all;
  const stageRoot = join(out, ".stage");
  const packed = packages.map((pkg) => {
    const dir = stage(pkg, versions, stageRoot);
    const name = run(["bun", "pm", "pack", "--quiet", "--destination", out], dir)
      .trim()
      .split("\n")
      .at(-1)!;
    return { name: pkg.manifest.name, tarball: resolve(out, name) };
  });
  rmSync(stageRoot, { recursive: true, force: true });
  return packed;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      out: { type: "string", default: join(REPO_ROOT, ".pack") },
      "no-build": { type: "boolean" },
    },
  });
  for (const p of packAll(values.out!, { build: !values["no-build"] })) {
    console.log(`${p.name}\t${p.tarball}`);
  }
}
