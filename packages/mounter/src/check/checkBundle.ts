import { statSync } from "node:fs";
import { posix } from "node:path";
import {
  type ErrnoName,
  errnoName,
  errnoText,
  isOcimountError,
} from "@ocimount/mount-flags/errors";
import { AT_FDCWD, S_IFDIR, S_IFMT } from "@ocimount/mount-flags/linux";
import {
  checkForSetup,
  isBindMount,
  lintConfig,
  type SpecIssue,
  type SpecWarning,
} from "@ocimount/oci-spec";
import type { MountConfig } from "../configTypes.ts";
import type { Syscalls } from "../sys/Syscalls.ts";

/** One reason a bundle cannot be set up: a `SpecIssue`, plus what the filesystem said. */
export interface BundleIssue extends SpecIssue {
  /** The errno name of the stat(2) that failed (`ENOENT`, `EACCES`), when one did. */
  errnoName?: ErrnoName;
  /** The host path looked at (absolute; relative sources are taken from the bundle). */
  hostPath?: string;
}

/** What `checkBundle` found: every issue (none: setup can proceed) and every warning. */
export interface BundleCheck {
  issues: BundleIssue[];
  /** `lintConfig`'s warnings: suspicious, never fatal. */
  warnings: SpecWarning[];
}

/** Options of `checkBundle`. */
export interface CheckBundleOptions {
  /**
   * The syscall layer the stats go through (tests pass a fake). Without it they are node:fs
   * stats: `plan` and `validate` then never load libc (bun:ffi and dlopen cost ~3 ms of start-up).
   */
  sys?: Syscalls | undefined;
  /** Lint `root.path` (default true; the hook passes false: the runtime chose its root). */
  lintRoot?: boolean | undefined;
}

/** A stat result: a directory or not, or the errno of the failure. */
type Found = { dir: boolean } | number;

/**
 * Whether `config` can be set up from `bundleDir`, as data: `checkForSetup`'s pure rules (a
 * root path, bind sources given, filesystem types, no NUL bytes...), then the filesystem's (the
 * bundle directory and the rootfs are directories, every bind source exists), and `lintConfig`'s
 * warnings. Each issue has its JSON pointer (`/mounts/3/source`) and, where a stat failed, the
 * errno name. Every distinct path is stat'ed once (following symlinks), synchronously on
 * purpose: a bundle can name thousands of bind sources, and an awaited promise per stat costs
 * ~50 us each (bench/mounts). Never throws for a bad bundle. What it saw can change before
 * setup runs: setup opens everything through fds and fails cleanly then.
 */
export function checkBundle(
  config: MountConfig,
  bundleDir: string,
  options: CheckBundleOptions = {},
): BundleCheck {
  const bundle = posix.resolve(bundleDir);
  const issues: BundleIssue[] = checkForSetup(config);
  const warnings = lintConfig(config, { bundleDir: bundle, root: options.lintRoot ?? true });
  const { sys } = options;
  const seen = new Map<string, Found>();
  const stat = (path: string): Found => {
    let found = seen.get(path);
    if (found === undefined) {
      found = statPath(sys, path);
      seen.set(path, found);
    }
    return found;
  };
  const bundleIssue = requireDirectory(stat(bundle), "", "bundle directory", bundle);
  if (bundleIssue) return { issues: [...issues, bundleIssue], warnings };
  const rootPath = config.root?.path;
  if (usable(rootPath)) {
    const rootfs = posix.resolve(bundle, rootPath);
    const issue = requireDirectory(stat(rootfs), "/root/path", "rootfs", rootfs);
    if (issue) issues.push(issue);
  }
  (config.mounts ?? []).forEach((mount, i) => {
    if (!isBindMount(mount) || !usable(mount.source)) return;
    const source = posix.isAbsolute(mount.source)
      ? posix.normalize(mount.source)
      : posix.join(bundle, mount.source);
    const found = stat(source);
    if (typeof found === "number") {
      issues.push(statIssue(`/mounts/${i}/source`, "bind source", source, found));
    }
  });
  return { issues, warnings };
}

/** A path worth a stat: given, and free of NUL bytes (`checkForSetup` reports those). */
function usable(path: string | undefined): path is string {
  return path !== undefined && path !== "" && !path.includes("\0");
}

/** stat(2), through the seam when given one, else node:fs: a directory or not, or the errno. */
function statPath(sys: Syscalls | undefined, path: string): Found {
  try {
    if (sys === undefined) return { dir: statSync(path).isDirectory() };
    return { dir: (sys.statx(AT_FDCWD, path, 0).mode & S_IFMT) === S_IFDIR };
  } catch (err) {
    if (isOcimountError(err) && err.errno !== undefined) return err.errno;
    // node:fs errors carry libuv's errno, the negated errno on Linux.
    const errno = (err as { errno?: unknown }).errno;
    if (sys === undefined && typeof errno === "number") return Math.abs(errno);
    throw err;
  }
}

/** The issue when `found` is not a directory (a failed stat, or another kind of file). */
function requireDirectory(
  found: Found,
  path: string,
  what: string,
  hostPath: string,
): BundleIssue | undefined {
  if (typeof found === "number") return statIssue(path, what, hostPath, found);
  if (found.dir) return undefined;
  const message = `${what} ${hostPath} is not a directory`;
  return { path, expected: "directory", received: "not a directory", message, hostPath };
}

/** The issue for a failed stat: `bind source /b/x: No such file or directory`, with `ENOENT`. */
function statIssue(path: string, what: string, hostPath: string, errno: number): BundleIssue {
  const name = errnoName(errno);
  const message = `${what} ${hostPath}: ${errnoText(errno)}`;
  return { path, expected: "an existing path", received: name, message, errnoName: name, hostPath };
}
