import { posix } from "node:path";
import type { SpecWarning } from "@ocimount/oci-spec";
import type { CgroupLayout } from "../cgroup/CgroupLayout.ts";
import { readCgroupLayout } from "../cgroup/readCgroupLayout.ts";
import { checkBundle } from "../check/checkBundle.ts";
import { invalidBundle } from "../check/invalidBundle.ts";
import type { MountConfig, SpecMount } from "../configTypes.ts";
import { MountError } from "../errors.ts";
import { createSyscalls } from "../sys/ffi.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { cleanInRootPath } from "./cleanInRootPath.ts";
import { displayPath } from "./displayPath.ts";
import { planCgroupMount } from "./planCgroupMount.ts";
import { planMount } from "./planMount.ts";
import { rootfsPropagation } from "./rootfsPropagation.ts";
import type { SetupPlan, Step, StepTarget } from "./types.ts";

/** Options of `planSetup`. */
export interface PlanOptions {
  /** Resolve display host paths through symlinks in the rootfs (default true). */
  resolveHostPaths?: boolean;
  /**
   * The cgroup layout `type: "cgroup"` mounts are expanded from, or a function that reads it
   * (called once, only if the config has such a mount). Default: this machine's, read with
   * `readCgroupLayout(createSyscalls())`.
   */
  cgroupLayout?: CgroupLayout | (() => CgroupLayout);
  /** On a cgroup v2 host, bind the own cgroup instead of mounting cgroup2 (the hook). */
  bindOwnCgroup?: boolean;
  /** Refuse (`EINVALID`) unknown options on bind mounts, which the kernel ignores, instead of warning. */
  strict?: boolean;
  /** The syscall layer `checkBundle` stats through (default `createSyscalls()`); tests pass a fake. */
  sys?: Syscalls;
  /** Lint `root.path` (default true; the hook passes false: the runtime chose its root). */
  lintRoot?: boolean;
}

/** `type: "cgroup"` without a bind option: expanded as runc does, never mounted literally. */
function isCgroupMount(m: SpecMount): boolean {
  if (m.type !== "cgroup") return false;
  return !(m.options ?? []).some((o) => o === "bind" || o === "rbind");
}

/**
 * Turns a config into the ordered steps `setup` applies: the rootfs self-bind, each `mounts[i]`,
 * `linux.maskedPaths`, `linux.readonlyPaths`, `root.readonly`, `linux.rootfsPropagation`.
 * A `type: "cgroup"` mount becomes the steps runc takes on this cgroup layout
 * (`planCgroupMount`). First it runs `checkBundle` (the one bundle check, also for `setup` and
 * the hook, which plan through here): a bundle it refuses throws `MountError` `EINVALID`, `op`
 * `check bundle`, with every issue in `issues`; its warnings lead the plan's. Apart from those
 * stats it reads only symlinks for display paths and, when the config has a cgroup mount and
 * `options.cgroupLayout` is not given, the host's cgroup tables; makes no mount. Also throws
 * `MountError` `EINVALID` for an unknown `rootfsPropagation` and, with `strict`, an unknown option
 * on a bind. The host paths in the plan are for people: the tree can change before setup runs.
 */
export function planSetup(
  config: MountConfig,
  bundleDir: string,
  options: PlanOptions = {},
): SetupPlan {
  const bundle = posix.resolve(bundleDir);
  const check = checkBundle(config, bundle, { sys: options.sys, lintRoot: options.lintRoot });
  if (check.issues.length > 0) throw invalidBundle(bundle, check.issues);
  // checkBundle refused a config without a root path.
  const rootfs = posix.resolve(bundle, config.root?.path as string);
  const resolve = options.resolveHostPaths ?? true;
  const warnings: SpecWarning[] = check.warnings;
  const target = (unsafePath: string): StepTarget => {
    const path = cleanInRootPath(unsafePath);
    return { path, hostPath: resolve ? displayPath(rootfs, path) : lexicalHostPath(rootfs, path) };
  };
  const root: StepTarget = { path: "/", hostPath: rootfs };
  const steps: Step[] = [{ kind: "rootfs-bind", why: "root.path", target: root }];
  let layout: CgroupLayout | undefined;
  const cgroupLayout = (): CgroupLayout => {
    const given = options.cgroupLayout;
    layout ??=
      typeof given === "function"
        ? given()
        : (given ?? readCgroupLayout(options.sys ?? createSyscalls()));
    return layout;
  };
  (config.mounts ?? []).forEach((m, i) => {
    const at = target(m.destination);
    if (!isCgroupMount(m)) {
      steps.push(planMount(m, i, bundle, at, warnings, options.strict));
      return;
    }
    const layout = cgroupLayout();
    const bindOwnCgroup = options.bindOwnCgroup ?? false;
    steps.push(
      ...planCgroupMount({
        mount: m,
        index: i,
        target: at,
        targetOf: target,
        layout,
        bindOwnCgroup,
      }),
    );
  });
  (config.linux?.maskedPaths ?? []).forEach((p, i) => {
    const why = `linux.maskedPaths[${i}]`;
    steps.push({ kind: "mask", why, target: target(p) });
  });
  (config.linux?.readonlyPaths ?? []).forEach((p, i) => {
    const why = `linux.readonlyPaths[${i}]`;
    steps.push({ kind: "readonly", why, target: target(p) });
  });
  if (config.root?.readonly)
    steps.push({ kind: "root-readonly", why: "root.readonly", target: root });
  const word = config.linux?.rootfsPropagation;
  if (word) {
    const propagation = rootfsPropagation(word);
    if (propagation === undefined) {
      throw new MountError({
        code: "EINVALID",
        op: "plan",
        where: "linux.rootfsPropagation",
        detail: `unknown propagation "${word}"`,
      });
    }
    steps.push({
      kind: "rootfs-propagation",
      why: "linux.rootfsPropagation",
      target: root,
      propagation,
      name: word,
    });
  }
  return { bundleDir: bundle, rootfs, steps, warnings };
}

/** `rootfs` joined with a clean in-root path, without normalizing again. */
function lexicalHostPath(rootfs: string, inRootPath: string): string {
  if (inRootPath === "/") return rootfs;
  return rootfs === "/" ? inRootPath : rootfs + inRootPath;
}
