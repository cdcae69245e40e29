import { type BigIntStats, lstatSync, realpathSync, statSync } from "node:fs";
import { MountError } from "../errors.ts";

/** A directory as setup and teardown recognise it: real path, device and inode. */
export interface DirIdentity {
  real: string;
  dev: string;
  ino: string;
}

/**
 * The rootfs setup may bind onto itself, checked as runc checks it ("invalid rootfs"): not a
 * symlink (refused, never followed), a directory, and neither the caller's root `/` nor an
 * ancestor of it (a self-bind there could never be torn down, and would cover the whole
 * system). Throws `MountError` `EINVALID` with `where: "root.path"`.
 */
export function checkRootfs(rootfs: string): DirIdentity {
  const invalid = (detail: string, cause?: unknown) =>
    new MountError({
      code: "EINVALID",
      op: "setup",
      summary: "invalid rootfs",
      where: "root.path",
      target: rootfs,
      detail,
      cause,
    });
  let link: BigIntStats;
  try {
    link = lstatSync(rootfs, { bigint: true });
  } catch (err) {
    throw invalid("invalid rootfs: it does not exist", err);
  }
  if (link.isSymbolicLink())
    throw invalid(`invalid rootfs: it is a symlink (to ${realOr(rootfs)}); give the real path`);
  if (!link.isDirectory()) throw invalid("invalid rootfs: not a directory");
  const real = realpathSync(rootfs);
  const root = statSync("/", { bigint: true });
  if (real === "/" || (link.dev === root.dev && link.ino === root.ino))
    throw invalid("invalid rootfs: it is / (the caller's root), which setup cannot bind over");
  return { real, dev: String(link.dev), ino: String(link.ino) };
}

/** The real path, device and inode of a directory (EINVALID naming `what` when missing). */
export function dirIdentity(path: string, what: string): DirIdentity {
  try {
    const st = statSync(path, { bigint: true });
    return { real: realpathSync(path), dev: String(st.dev), ino: String(st.ino) };
  } catch (err) {
    throw new MountError({
      code: "EINVALID",
      op: "setup",
      target: path,
      detail: `${what} not found`,
      cause: err,
    });
  }
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return "nowhere";
  }
}
