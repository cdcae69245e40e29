import { posix } from "node:path";
import type { SpecWarning } from "./SpecWarning.ts";

/**
 * Warnings for `root.path`: conventionally `rootfs`, a direct child of the bundle. An absolute path
 * is checked against `bundleDir` when it is known.
 */
export function lintRootPath(rootPath: string, bundleDir?: string): SpecWarning[] {
  const path = "/root/path";
  if (rootPath === "") return [];
  const normal = posix.normalize(rootPath);
  const warnings: SpecWarning[] = [];
  if (posix.basename(normal) !== "rootfs") {
    warnings.push({ path, message: `root.path "${rootPath}" is not named "rootfs"` });
  }
  const direct = posix.isAbsolute(normal)
    ? bundleDir === undefined || posix.dirname(normal) === posix.resolve(bundleDir)
    : !normal.includes("/") && normal !== "..";
  if (!direct) {
    warnings.push({ path, message: `root.path "${rootPath}" is not a direct child of the bundle` });
  }
  return warnings;
}
