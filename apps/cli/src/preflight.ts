import { statSync } from "node:fs";
import { basename, dirname, isAbsolute, resolve } from "node:path";
import type { ErrorCode } from "@ocimount/mount-flags/errors";
import { checkForSetup, isBindMount, readBundleConfig, type Spec } from "@ocimount/oci-spec";
import { CliError } from "./CliError.ts";

/** A bundle that passed every check `setup` needs before it mounts anything. */
export interface CheckedBundle {
  /** The bundle directory, absolute. */
  bundleDir: string;
  config: Spec;
  configPath: string;
  /** The rootfs directory on the host, absolute (symlinks not resolved). */
  rootfs: string;
  warnings: readonly { path: string; message: string }[];
}

/**
 * stat(2) that returns the errno name instead of throwing. Synchronous on purpose: a bundle can
 * name thousands of bind sources, and one awaited promise per stat cost ~50 us each (bench/mounts).
 */
function statCode(path: string): { dir: boolean } | ErrorCode {
  try {
    return { dir: statSync(path).isDirectory() };
  } catch (error) {
    return ((error as { code?: string }).code ?? "EIO") as ErrorCode;
  }
}

/**
 * Validates the whole bundle before any mount is made, so bad input changes nothing: the
 * config's schema in the parts setup reads (`readBundleConfig` with `check: "setup"`: issues
 * elsewhere, such as podman's `linux.devices[].fileMode` 8576, are warnings), the setup rules (`checkForSetup`: a root path, bind
 * sources given, no NUL bytes), the rootfs is a directory, and every bind source exists.
 * Throws the package's `BundleError`, or `CliError` naming the config entry at fault.
 */
export async function preflight(bundle: string): Promise<CheckedBundle> {
  const bundleDir = resolve(bundle);
  const given = statCode(bundleDir);
  if (typeof given !== "string" && !given.dir) {
    const parent = dirname(bundleDir);
    throw new CliError({
      code: "ENOTDIR",
      what: "--bundle names a file, not a bundle directory",
      where: bundleDir,
      hint: `--bundle takes the directory that holds config.json${basename(bundleDir) === "config.json" ? `: --bundle ${parent}` : ""}.`,
    });
  }
  const { config, configPath, warnings } = await readBundleConfig(bundleDir, { check: "setup" });
  const issues = checkForSetup(config).map((i) => ({ path: i.path, message: i.message }));
  if (issues.length > 0) {
    throw new CliError({ code: "EINVALID", what: "cannot set up", where: configPath, issues });
  }
  const rootfs = resolve(bundleDir, config.root?.path ?? "");
  const root = statCode(rootfs);
  if (typeof root === "string") {
    throw new CliError({ code: root, what: "rootfs missing", where: `root.path ${rootfs}` });
  }
  if (!root.dir) {
    throw new CliError({ code: "ENOTDIR", what: "rootfs is not a directory", where: rootfs });
  }
  const mounts = config.mounts ?? [];
  const checked = new Set<string>();
  for (const [i, m] of mounts.entries()) {
    if (!isBindMount(m) || m.source === undefined) continue;
    const source = isAbsolute(m.source) ? m.source : resolve(bundleDir, m.source);
    if (checked.has(source)) continue;
    checked.add(source);
    const found = statCode(source);
    if (typeof found === "string") {
      throw new CliError({
        code: found,
        what: "bind source missing",
        where: `mounts[${i}] ${source}`,
      });
    }
  }
  return { bundleDir, config, configPath, rootfs, warnings };
}
