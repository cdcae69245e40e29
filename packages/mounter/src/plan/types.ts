import type { ParsedMountOptions } from "@ocimount/mount-flags";
import type { SpecWarning } from "@ocimount/oci-spec";
import type { IdMapping } from "../configTypes.ts";

/** Where a step mounts: the in-root path (what the executor opens) and the host path (display only). */
export interface StepTarget {
  /** Absolute, lexically clean path inside the rootfs, e.g. `/proc/sys`. */
  path: string;
  /**
   * The host path a string resolver gives today (symlinks in the rootfs followed in-root, missing
   * components appended). For humans only: the executor never mounts onto a path string.
   */
  hostPath: string;
}

/** The parsed options of one mount, plus the spec's per-mount id mappings. */
export interface StepOptions extends ParsedMountOptions {
  uidMappings?: IdMapping[];
  gidMappings?: IdMapping[];
}

/** Binds the rootfs onto itself (recursively), so everything else lands on one mount we own. */
export interface RootfsBindStep {
  kind: "rootfs-bind";
  why: "root.path";
  target: StepTarget;
}

/** `mounts[i]` with a bind or rbind. The mountpoint kind follows the source's type at apply time. */
export interface BindStep {
  kind: "bind";
  why: string;
  /** Absolute host path (relative sources are taken relative to the bundle). */
  source: string;
  recursive: boolean;
  target: StepTarget;
  options: StepOptions;
}

/** `mounts[i]` of a new filesystem (tmpfs, proc, sysfs, ...). The mountpoint is a directory. */
export interface NewFsStep {
  kind: "new-fs";
  why: string;
  fsType: string;
  /** The spec's `source` (a device or a name such as `tmpfs`), if any. */
  source: string | undefined;
  target: StepTarget;
  options: StepOptions;
  /**
   * A `type: "cgroup"` mount on a cgroup v2 host: when the kernel refuses the cgroup2 mount
   * (EPERM or EBUSY: a user namespace without a cgroup namespace), bind this host path (the
   * host's /sys/fs/cgroup) with the same options instead, as runc does.
   */
  orBind?: string;
}

/**
 * A `type: "cgroup"` mount on a cgroup v1 host: a symlink for each controller of a merged
 * hierarchy (`cpu -> cpu,cpuacct`) in the tmpfs an earlier step mounted, as runc makes them.
 * It goes away with that tmpfs; an existing name is left alone.
 */
export interface LinkStep {
  kind: "link";
  why: string;
  /** The symlink's in-root path, e.g. `/sys/fs/cgroup/cpu`. */
  target: StepTarget;
  /** Its content, e.g. `cpu,cpuacct` (relative: the hierarchy's directory beside it). */
  linkTo: string;
}

/** `linux.maskedPaths[i]`: /dev/null over a file, an empty read-only tmpfs over a directory. */
export interface MaskStep {
  kind: "mask";
  why: string;
  target: StepTarget;
}

/** `linux.readonlyPaths[i]`: a recursive bind of the path onto itself, made read-only. */
export interface ReadonlyStep {
  kind: "readonly";
  why: string;
  target: StepTarget;
}

/** `root.readonly`: the rootfs self-bind remounted read-only (not recursive). */
export interface RootReadonlyStep {
  kind: "root-readonly";
  why: "root.readonly";
  target: StepTarget;
}

/** `linux.rootfsPropagation` applied to the rootfs self-bind. */
export interface RootPropagationStep {
  kind: "rootfs-propagation";
  why: "linux.rootfsPropagation";
  target: StepTarget;
  /** MS_SHARED, MS_SLAVE, MS_PRIVATE or MS_UNBINDABLE, with MS_REC for the `r` forms. */
  propagation: number;
  /** The spec's word, e.g. `rslave`. */
  name: string;
}

/** One thing setup does, in order. */
export type Step =
  | RootfsBindStep
  | BindStep
  | NewFsStep
  | LinkStep
  | MaskStep
  | ReadonlyStep
  | RootReadonlyStep
  | RootPropagationStep;

/** What `planSetup` returns: the steps that `setup` applies in order. */
export interface SetupPlan {
  /** The bundle directory, absolute. */
  bundleDir: string;
  /** The rootfs on the host, absolute. */
  rootfs: string;
  steps: Step[];
  /**
   * `checkBundle`'s warnings (`lintConfig`: data options on binds, relative destinations...),
   * then the planner's own (an ignored `remount`, `tmpcopyup` off tmpfs); each said once, its
   * JSON pointer in `path`, never in `message`.
   */
  warnings: SpecWarning[];
}
