import { posix } from "node:path";
import { type MountInfoEntry, parseMountInfo } from "@ocimount/mount-flags";
import { MountError } from "../errors.ts";
import type { CgroupHierarchy, CgroupLayout } from "./CgroupLayout.ts";

const CGROUP_ROOT = "/sys/fs/cgroup";

/**
 * `/proc/<pid>/cgroup` as a map from each subsystem (`memory`, `name=systemd`, and "" for the
 * v2 line `0::/path`) to the cgroup path. Each line is `id:list:path`; the path may hold colons.
 */
function parseCgroupFile(text: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const first = line.indexOf(":");
    const second = line.indexOf(":", first + 1);
    if (first < 0 || second < 0) {
      throw new MountError({ code: "EINVALID", op: "cgroup", detail: `bad cgroup line "${line}"` });
    }
    const path = line.slice(second + 1);
    for (const subsystem of line.slice(first + 1, second).split(",")) paths.set(subsystem, path);
  }
  return paths;
}

/** The host directory of `cgroupPath` in a hierarchy mounted at `mount` (its `root` a cgroup too). */
function cgroupDir(mount: MountInfoEntry, cgroupPath: string): string {
  const rel = posix.relative(mount.root, cgroupPath);
  // A root of `/..` is how mountinfo shows a mount made outside the reader's cgroup namespace.
  const outside = mount.root.split("/").includes("..");
  if (outside || rel === ".." || rel.startsWith("../") || posix.isAbsolute(rel)) {
    throw new MountError({
      code: "EINVALID",
      op: "cgroup",
      target: mount.mountPoint,
      detail: `own cgroup ${cgroupPath} is outside the mount's root ${mount.root}`,
    });
  }
  return rel === "" ? mount.mountPoint : posix.join(mount.mountPoint, rel);
}

/**
 * runc's choice of v1 hierarchies (libcontainer/cgroups `getCgroupMountsHelper`): every `cgroup`
 * mount, in mountinfo order, that serves a subsystem of the process not served by an earlier
 * one; the bind source is the process's cgroup of the first such subsystem.
 */
function v1Hierarchies(mounts: readonly MountInfoEntry[], paths: Map<string, string>) {
  const seen = new Set<string>();
  const out: CgroupHierarchy[] = [];
  for (const mount of mounts) {
    if (mount.fsType !== "cgroup") continue;
    const subsystems = mount.superOptions.filter((o) => paths.has(o) && !seen.has(o));
    if (subsystems.length === 0) continue;
    for (const s of subsystems) seen.add(s);
    const source = cgroupDir(mount, paths.get(subsystems[0]!)!);
    out.push({ mountPoint: mount.mountPoint, subsystems, source });
  }
  return out;
}

/**
 * The cgroup layout from the text of a mountinfo table and of a `/proc/<pid>/cgroup` file: v2
 * when the mount at /sys/fs/cgroup is cgroup2 (runc checks its statfs type), with the process's
 * own cgroup directory in it (undefined when outside the mount's root); else v1 (or hybrid) with runc's hierarchies. Pure. Throws
 * `MountError` `EINVALID` for a cgroup file it cannot read or an own cgroup outside a mount's
 * root; a malformed mountinfo line throws `MountInfoError`.
 */
export function parseCgroupLayout(mountinfo: string, cgroupFile: string): CgroupLayout {
  const mounts = parseMountInfo(mountinfo);
  const paths = parseCgroupFile(cgroupFile);
  const top = mounts.filter((m) => m.mountPoint === CGROUP_ROOT).at(-1);
  if (top?.fsType === "cgroup2") {
    // The own directory is only needed by the hook; a cgroup namespace can leave it outside the
    // mount's root (then undefined), which must not stop setup's cgroup2 mount.
    let source: string | undefined;
    try {
      source = cgroupDir(top, paths.get("") ?? "/");
    } catch {}
    return { version: 2, hierarchies: [], unified: { mountPoint: top.mountPoint, source } };
  }
  return { version: 1, hierarchies: v1Hierarchies(mounts, paths) };
}
