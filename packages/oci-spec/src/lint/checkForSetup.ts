import type { Spec } from "../schemas/spec.ts";
import type { SpecIssue } from "../validate/SpecIssue.ts";
import { isBindMount } from "./isBindMount.ts";

function issue(path: string, expected: string, received: string, message: string): SpecIssue {
  return { path, expected, received, message };
}

function checkPath(path: string, value: string | undefined, out: SpecIssue[]): void {
  if (value?.includes("\0")) {
    out.push(issue(path, "no NUL byte", JSON.stringify(value), "path contains a NUL byte"));
  }
}

/**
 * What mount setup needs beyond schema validity: a `root` with a non-empty `path`, a non-empty
 * `destination` and, for bind mounts, a non-empty `source` on every mount, and no NUL byte in any
 * path (root, mount source/destination, masked and read-only paths). Returns [] when setup can
 * proceed. Does not look at the filesystem.
 */
export function checkForSetup(config: Spec): SpecIssue[] {
  const out: SpecIssue[] = [];
  if (!config.root) out.push(issue("/root", "object", "undefined", "a root is required for setup"));
  else if (config.root.path === "") {
    out.push(issue("/root/path", "non-empty path", '""', "root.path must not be empty"));
  }
  checkPath("/root/path", config.root?.path, out);
  (config.mounts ?? []).forEach((mount, i) => {
    if (mount.destination === "") {
      out.push(issue(`/mounts/${i}/destination`, "non-empty path", '""', "empty destination"));
    }
    if (isBindMount(mount) && !mount.source) {
      const received = mount.source === undefined ? "undefined" : '""';
      out.push(
        issue(`/mounts/${i}/source`, "non-empty path", received, "a bind mount needs a source"),
      );
    }
    checkPath(`/mounts/${i}/source`, mount.source, out);
    checkPath(`/mounts/${i}/destination`, mount.destination, out);
  });
  for (const key of ["maskedPaths", "readonlyPaths"] as const) {
    config.linux?.[key]?.forEach((p, i) => {
      checkPath(`/linux/${key}/${i}`, p, out);
    });
  }
  return out;
}
