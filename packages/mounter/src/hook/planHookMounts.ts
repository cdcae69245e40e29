import { type PlanOptions, planSetup } from "../plan/planSetup.ts";
import type { SetupPlan } from "../plan/types.ts";
import type { HookMounts } from "./parseHookMounts.ts";

/**
 * The setup plan for a hook's extra mounts inside the container's root (`rootPath`, absolute
 * or relative to `bundleDir`): the mounter's own planner, so its `checkBundle` too (the root a
 * directory, every bind source there, stat'ed through `options.sys` in the caller's namespace,
 * where the sources are opened; `root.path` is not linted: the runtime chose it), without the
 * rootfs self-bind (the runtime already made the root a mount, and the hook must not stack
 * another over it) and without root.readonly or rootfs propagation (the runtime's business).
 * Relative bind sources are taken relative to the bundle. A `type: "cgroup"` mount binds the
 * container's own cgroups (`options.cgroupLayout` reads them: the runtime's mount table, the
 * container's /proc/<pid>/cgroup), also on a cgroup v2 host, as the hook is not in the
 * container's cgroup namespace. Throws what `planSetup` throws (`MountError` `EINVALID`, with
 * `issues` for a bundle `checkBundle` refuses).
 */
export function planHookMounts(
  rootPath: string,
  mounts: HookMounts,
  bundleDir: string,
  options: Pick<PlanOptions, "sys" | "cgroupLayout" | "strict"> = {},
): SetupPlan {
  const plan = planSetup(
    {
      root: { path: rootPath },
      mounts: mounts.mounts,
      linux: { maskedPaths: mounts.maskedPaths, readonlyPaths: mounts.readonlyPaths },
    },
    bundleDir,
    { ...options, resolveHostPaths: false, bindOwnCgroup: true, lintRoot: false },
  );
  return { ...plan, steps: plan.steps.filter((s) => s.kind !== "rootfs-bind") };
}
