import type { SpecWarning } from "@ocimount/oci-spec";
import type { BindSources } from "../execute/BindSources.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import type { MountIdentity } from "../undo/MountIdentity.ts";
import type { Expectation } from "./readback/Expectation.ts";

/** One mount setup made, as journaled: its mount ID and where it went. */
export interface AppliedMount {
  why: string;
  /** In-root path of the mountpoint. */
  target: string;
  mountId: number;
  /** True when the mount took a tree (rbind, the rootfs self-bind, read-only paths). */
  recursive: boolean;
  /** Who the mount is, for teardown: IDs (64-bit when the kernel has them), parent, place. */
  identity: MountIdentity;
  /** The mounts a recursive one brought along (an rbind's submounts): setup's own too. */
  below: MountIdentity[];
}

/** Receives what the step executors do, in order (`execute` passes it on to its `Recorder`). */
export interface ApplyRecorder {
  /** Called after the attach, with the new mount's ID. */
  mounted(mount: AppliedMount): void;
  /** In-root paths created as mountpoints (for teardown to remove if still empty). */
  created(why: string, paths: string[]): void;
}

/** The state the step executors share during one run of `execute`. */
export interface ApplyContext {
  sys: Syscalls;
  /** An O_PATH fd on the root of the rootfs self-bind (the open_tree fd), -1 before it exists. */
  rootFd: number;
  rootfs: string;
  /** Where bind steps get their sources (opened in place, or held from another namespace). */
  sources: BindSources;
  recorder: ApplyRecorder;
  applied: AppliedMount[];
  expectations: Expectation[];
  /** The plan's warnings, then those the steps add (`stepWarning`: locked flags kept...). */
  warnings: SpecWarning[];
  /** The mount-API switch: mount(2) on /proc/thread-self/fd/N instead of the new mount API. */
  forceMountFallback: boolean;
  /** The resolver switch: the O_NOFOLLOW component walk instead of openat2(RESOLVE_IN_ROOT). */
  forceResolverWalk: boolean;
  /** True inside a non-initial user namespace: keep locked flags instead of failing with EPERM. */
  inUserNamespace: boolean;
  /** The verified /dev/null fd for masking, opened on first use. */
  devNullFd: number;
}
