import { posix } from "node:path";
import { readBundleConfig } from "@ocimount/oci-spec";
import type { AppliedMount, ApplyContext } from "../apply/ApplyContext.ts";
import { inUserNamespace } from "../apply/inUserNamespace.ts";
import { readCgroupLayout } from "../cgroup/readCgroupLayout.ts";
import { createSyscalls } from "../sys/ffi.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { applyInContainer } from "./applyInContainer.ts";
import { containerProcDir, type ProcessView } from "./containerProcDir.ts";
import { enterMountNamespace } from "./enterMountNamespace.ts";
import { type HeldSources, holdSources } from "./holdSources.ts";
import { openMountNamespace } from "./openMountNamespace.ts";
import { parseHookState } from "./parseHookState.ts";
import { planHookMounts } from "./planHookMounts.ts";
import { readHookMounts } from "./readHookMounts.ts";
import { servingHeldSources } from "./servingHeldSources.ts";

/** Options of `runHook`. */
export interface HookOptions {
  /** The OCI state document the runtime wrote on the hook's stdin. */
  stateText: string;
  /** A JSON file of extra mounts (`--mounts FILE`); else the `org.ocimount.mounts` annotation. */
  mountsFile?: string;
  /** The syscall layer (default `createSyscalls()`). */
  sys?: Syscalls;
  /** Refuse unknown options on bind mounts (`--strict`) instead of warning. */
  strict?: boolean;
  /** How this process sees pids and /proc (tests); the real process by default. */
  processView?: ProcessView;
}

/** What `runHook` did. */
export interface HookResult {
  containerId: string;
  pid: number;
  bundleDir: string;
  /** The container's root (absolute; `root.path` taken relative to the bundle). */
  rootfs: string;
  /** False when the hook already ran in the container's mount namespace (createContainer). */
  enteredNamespace: boolean;
  /** Every mount attached, in order, with its mount ID in the container's namespace. */
  mounts: AppliedMount[];
  warnings: string[];
}

/**
 * Runs ocimount as an OCI `createRuntime` or `createContainer` hook: validates the state
 * document, holds the container's mount namespace as an fd (`/proc/<pid>/ns/mnt`), reads the
 * bundle's config and the extra mounts (`mountsFile`, else the annotation), plans them with the
 * mounter's planner, clones every bind source with open_tree in the runtime's namespace, moves
 * this thread into the container's mount namespace, and there applies the steps with the
 * mounter's executors onto the container's root (destinations resolved inside it, never
 * following a link out), then verifies them from mountinfo. On failure it rolls back every
 * mount and mountpoint it made and throws. Input errors (`HookError`, `BundleError`,
 * `MountError` `EINVALID` from the planner) come before anything is mounted.
 *
 * Leaves the calling THREAD in the container's mount namespace: run it in a process that exits
 * afterwards (the `ocimount hook` command). Does not journal: the mounts belong to the
 * container and go away with its mount namespace.
 */
export async function runHook(options: HookOptions): Promise<HookResult> {
  const { state, pid, bundle } = parseHookState(options.stateText);
  const sys = options.sys ?? createSyscalls();
  const procDir = containerProcDir(pid, options.processView);
  const nsFd = openMountNamespace(sys, procDir, pid);
  let held: HeldSources | undefined;
  try {
    // Strict only in what the hook reads (root, annotations); issues elsewhere are warnings.
    const { config, ignored } = await readBundleConfig(bundle, { check: "setup" });
    const rootPath = config.root?.path ?? "";
    const result: HookResult = {
      containerId: state.id,
      pid,
      bundleDir: bundle,
      rootfs: posix.resolve(bundle, rootPath),
      enteredNamespace: false,
      mounts: [],
      warnings: ignored.map((i) => `config.json ${i.message} (not read by the hook; ignored)`),
    };
    const extra = await readHookMounts({
      file: options.mountsFile,
      annotations: config.annotations,
    });
    if (!extra) return result;
    const layout = () => readCgroupLayout(sys, procDir);
    const plan = planHookMounts(rootPath, extra, bundle, layout, options.strict);
    held = holdSources(sys, plan);
    const created: string[] = [];
    const ctx: ApplyContext = {
      sys: servingHeldSources(sys, held),
      rootFd: -1,
      rootfs: plan.rootfs,
      recorder: { intent: () => {}, mounted: () => {}, created: (_, p) => created.push(...p) },
      applied: result.mounts,
      expectations: [],
      warnings: result.warnings,
      forceMountFallback: false,
      forceResolverWalk: false,
      inUserNamespace: inUserNamespace(sys),
      devNullFd: -1,
    };
    result.warnings.push(...plan.warnings);
    result.enteredNamespace = enterMountNamespace(sys, nsFd);
    try {
      applyInContainer(ctx, plan, created);
    } finally {
      if (ctx.devNullFd >= 0) sys.close(ctx.devNullFd);
    }
    return result;
  } finally {
    held?.close();
    sys.close(nsFd);
  }
}
