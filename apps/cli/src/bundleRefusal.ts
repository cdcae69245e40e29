import { isOcimountError } from "@ocimount/mount-flags/errors";
import { CliError } from "./CliError.ts";

/**
 * The CLI's line for a bundle the mounter's `checkBundle` refused (in `plan`, `setup` and
 * `hook` alike; read from the error's fields, `op` and `issues`): the first issue, as a missing
 * rootfs or bind source when the filesystem said so (`rootfs missing (root.path /b/rootfs):
 * ENOENT (...)`, `bind source missing (mounts[3] /b/x): ENOENT (...)`), else `cannot set up
 * (<configPath> /mounts/0/source): EINVALID (...)` with every issue. `configPath` defaults to
 * the bundle's config.json. Any other error is returned as it is.
 */
export function bundleRefusal(error: unknown, configPath?: string): unknown {
  if (!isOcimountError(error) || error.op !== "check bundle") return error;
  const { issues } = error;
  const first = issues[0];
  const entry = first === undefined ? undefined : entryOf(first.path);
  if (first?.hostPath === undefined || entry === undefined) {
    const all = issues.map((i) => ({ path: i.path, message: i.message }));
    const where = configPath ?? `${error.path}/config.json`;
    return new CliError({ code: "EINVALID", what: "cannot set up", where, issues: all });
  }
  const at =
    entry === "root.path"
      ? { where: entry, path: first.hostPath }
      : { where: entry, source: first.hostPath };
  if (first.errnoName === undefined) {
    return new CliError({ code: "ENOTDIR", what: "rootfs is not a directory", ...at });
  }
  const what = entry === "root.path" ? "rootfs missing" : "bind source missing";
  return new CliError({ code: first.errnoName, what, ...at });
}

/** `root.path` or `mounts[3]` for the pointers the filesystem checks use; else undefined. */
function entryOf(pointer: string): string | undefined {
  if (pointer === "/root/path") return "root.path";
  const mount = /^\/mounts\/(\d+)\/source$/.exec(pointer);
  return mount ? `mounts[${mount[1]}]` : undefined;
}
