import { posix } from "node:path";
import { parseMountOptions } from "@ocimount/mount-flags";
import type { CgroupLayout } from "../cgroup/CgroupLayout.ts";
import type { SpecMount } from "../configTypes.ts";
import { MountError } from "../errors.ts";
import type { BindStep, LinkStep, NewFsStep, StepTarget } from "./types.ts";

/** How a `type: "cgroup"` mount is expanded. */
export interface CgroupPlanInput {
  mount: SpecMount;
  index: number;
  /** The mount's destination as a step target. */
  target: StepTarget;
  /** A step target for another in-root path (the binds below the destination). */
  targetOf: (inRootPath: string) => StepTarget;
  layout: CgroupLayout;
  /**
   * Bind the process's own cgroup instead of mounting cgroup2 on a v2 host: the hook, which
   * runs outside the container's cgroup namespace, so a cgroup2 mount would show the wrong root.
   */
  bindOwnCgroup?: boolean;
}

/** The tmpfs runc puts under the v1 hierarchies (libcontainer `mountCgroupV1`). */
const V1_TMPFS = ["nosuid", "nodev", "noexec", "mode=755"];

/**
 * The steps of `mounts[index]` with `type: "cgroup"`, which runc does not mount literally (a v1
 * cgroup mount without controller options asks for a hierarchy of every controller: EBUSY
 * where they are bound already, and never to be asked on a host whose hierarchies differ).
 * v1 or hybrid host: a tmpfs (`nosuid,nodev,noexec,mode=755`, the mount's propagation) at the
 * destination, then for each v1 hierarchy a recursive bind of the process's own cgroup
 * directory at `<destination>/<hierarchy>` with the mount's options (read-only when they say
 * `ro`), then the symlinks of merged hierarchies. v2 host: cgroup2 at the destination, falling
 * back to a bind of the host's /sys/fs/cgroup when refused (`bindOwnCgroup`: a bind of the own
 * cgroup directory). Each step's `why` is `mounts[i]`, the binds' `mounts[i]/<hierarchy>`.
 * Throws `MountError` `EINVALID` when the hook's own cgroup directory is unknown.
 */
export function planCgroupMount(input: CgroupPlanInput): Array<NewFsStep | BindStep | LinkStep> {
  const { mount, index, target, layout } = input;
  const why = `mounts[${index}]`;
  const options = mount.options ?? [];
  if (layout.version === 2) return [planV2(input, why, options)];
  const parsed = parseMountOptions(options);
  const tmpfs = parseMountOptions(V1_TMPFS);
  tmpfs.propagation = parsed.propagation;
  const steps: Array<NewFsStep | BindStep | LinkStep> = [
    { kind: "new-fs", why, fsType: "tmpfs", source: "tmpfs", target, options: tmpfs },
  ];
  for (const h of layout.hierarchies) {
    const name = posix.basename(h.mountPoint);
    const bindWhy = `${why}/${name}`;
    steps.push({
      kind: "bind",
      why: bindWhy,
      source: h.source,
      recursive: true,
      target: input.targetOf(posix.join(target.path, name)),
      options: parseMountOptions(["rbind", ...options]),
    });
  }
  for (const h of layout.hierarchies) {
    const name = posix.basename(h.mountPoint);
    if (!name.includes(",")) continue;
    for (const controller of name.split(",")) {
      const linkWhy = `${why}/${controller}`;
      const at = input.targetOf(posix.join(target.path, controller));
      steps.push({ kind: "link", why: linkWhy, target: at, linkTo: name });
    }
  }
  return steps;
}

function planV2(
  input: CgroupPlanInput,
  why: string,
  options: readonly string[],
): NewFsStep | BindStep {
  const { target, layout } = input;
  const unified = layout.unified!;
  if (input.bindOwnCgroup) {
    if (unified.source === undefined) {
      throw new MountError({
        code: "EINVALID",
        op: "cgroup",
        where: why,
        target: target.path,
        detail: "the container's own cgroup is outside the cgroup2 mount's root",
      });
    }
    // runc's own emulation of a cgroup namespace: a plain bind of the container's cgroup.
    const parsed = parseMountOptions(["bind", ...options]);
    return { kind: "bind", why, source: unified.source, recursive: false, target, options: parsed };
  }
  return {
    kind: "new-fs",
    why,
    fsType: "cgroup2",
    source: input.mount.source ?? "cgroup",
    target,
    options: parseMountOptions(options),
    orBind: unified.mountPoint,
  };
}
