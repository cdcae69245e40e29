/** The publishable workspace packages, in dependency order, read from their package.json files. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** One package of the workspace as the release scripts see it. */
export interface WorkspacePackage {
  /** Directory relative to the repository root, e.g. `packages/mount-flags`. */
  dir: string;
  /** Absolute directory. */
  path: string;
  manifest: Record<string, unknown> & { name: string; version: string };
}

/** The repository root (this file lives in `scripts/`). */
export const REPO_ROOT = join(import.meta.dir, "..");

const DIRS = [
  "packages/mount-flags",
  "packages/symlink-resolver",
  "packages/oci-spec",
  "packages/mounter",
  "apps/cli",
];

/** Reads every publishable package's manifest. */
export function workspacePackages(): WorkspacePackage[] {
  return DIRS.map((dir) => {
    const path = join(REPO_ROOT, dir);
    const manifest = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
    return { dir, path, manifest };
  });
}
