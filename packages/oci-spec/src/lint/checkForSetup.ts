import type { Mount } from "../schemas/mount.ts";
import type { SpecIssue } from "../validate/SpecIssue.ts";
import { isBindMount } from "./isBindMount.ts";
import type { SetupConfig } from "./SetupConfig.ts";

function issue(path: string, expected: string, received: string, message: string): SpecIssue {
  return { path, expected, received, message };
}

function checkPath(path: string, value: string | undefined, out: SpecIssue[]): void {
  if (value?.includes("\0")) {
    out.push(issue(path, "no NUL byte", JSON.stringify(value), "path contains a NUL byte"));
  }
}

/** The rules of one mount: what it needs to be a bind or a new filesystem. */
function checkMount(mount: Mount, at: string, out: SpecIssue[]): void {
  if (mount.destination === "") {
    out.push(issue(`${at}/destination`, "non-empty path", '""', "empty destination"));
  }
  const options = mount.options ?? [];
  if (isBindMount(mount)) {
    if (!mount.source) {
      const received = mount.source === undefined ? "undefined" : '""';
      out.push(issue(`${at}/source`, "non-empty path", received, "a bind mount needs a source"));
    }
  } else if (!mount.type || mount.type === "none") {
    const received = mount.type === undefined ? "undefined" : JSON.stringify(mount.type);
    const expected = "a filesystem type, or a bind option";
    out.push(issue(`${at}/type`, expected, received, "no filesystem type and no bind option"));
  }
  if (options.some((o) => o === "idmap" || o === "ridmap")) {
    for (const key of ["uidMappings", "gidMappings"] as const) {
      if (mount[key] === undefined) {
        const message = "idmap needs uidMappings and gidMappings";
        out.push(issue(`${at}/${key}`, "mappings", "undefined", message));
      }
    }
  }
  checkPath(`${at}/source`, mount.source, out);
  checkPath(`${at}/destination`, mount.destination, out);
}

/**
 * What mount setup needs beyond schema validity: a `root` with a non-empty `path`; on every mount
 * a non-empty `destination`, for a bind a non-empty `source`, for anything else a filesystem
 * `type` (not `none`), and for `idmap`/`ridmap` both `uidMappings` and `gidMappings`; no NUL byte
 * in any path (root, mount source/destination, masked and read-only paths). Returns every issue,
 * [] when setup can proceed. Does not look at the filesystem (the mounter's `checkBundle` does).
 */
export function checkForSetup(config: SetupConfig): SpecIssue[] {
  const out: SpecIssue[] = [];
  if (!config.root) out.push(issue("/root", "object", "undefined", "a root is required for setup"));
  else if (config.root.path === "") {
    out.push(issue("/root/path", "non-empty path", '""', "root.path must not be empty"));
  }
  checkPath("/root/path", config.root?.path, out);
  (config.mounts ?? []).forEach((mount, i) => {
    checkMount(mount, `/mounts/${i}`, out);
  });
  for (const key of ["maskedPaths", "readonlyPaths"] as const) {
    config.linux?.[key]?.forEach((p, i) => {
      checkPath(`/linux/${key}/${i}`, p, out);
    });
  }
  return out;
}
