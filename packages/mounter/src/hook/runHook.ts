import { posix } from "node:path";
import { readBundleConfig, type SpecWarning } from "@ocimount/oci-spec";
import type { AppliedMount } from "../apply/ApplyContext.ts";
import { readCgroupLayout } from "../cgroup/readCgroupLayout.ts";
import { execute } from "../execute/execute.ts";
import { memoryRecorder } from "../execute/memoryRecorder.ts";
import { createSyscalls } from "../sys/ffi.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { containerProcDir, type ProcessView } from "./containerProcDir.ts";
import { enterMountNamespace } from "./enterMountNamespace.ts";
import { holdSources } from "./holdSources.ts";
import { hookStart } from "./hookStart.ts";
import { openMountNamespace } from "./openMountNamespace.ts";
import { parseHookState } from "./parseHookState.ts";
import { planHookMounts } from "./planHookMounts.ts";
import { readHookMounts } from "./readHookMounts.ts";

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
  /**
   * `{ path, message }`: the config.json schema issues the hook ignores (pointers into
   * config.json), then the plan's and the executor's about the extra mounts (pointers into the
   * hook's mounts, `/mounts/3` the fourth of them all, annotations concatenated).
   */
  warnings: SpecWarning[];
}

/**
 * Runs ocimount as an OCI `createRuntime` or `createContainer` hook: validates the state
 * document, holds the container's mount namespace as an fd (`/proc/<pid>/ns/mnt`), reads the
 * bundle's config and the extra mounts (`mountsFile`, else the annotation), plans them with the
 * mounter's planner, clones every bind source with open_tree in the runtime's namespace, moves
 * this thread into the container's mount namespace, and there runs the plan with setup's own
 * executor (`execute`) onto the container's root (destinations resolved inside it, never
 * following a link out), recorded in memory, verified from mountinfo. On failure it rolls back
 * every mount and mountpoint it made, with teardown's ownership rules, and throws. Input errors (`HookError`, `BundleError`,
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
      warnings: ignored.map((i) => ({
        path: i.path,
        message: `config.json: ${i.message} (not read by the hook; ignored)`,
      })),
    };
    const extra = await readHookMounts({
      file: options.mountsFile,
      annotations: config.annotations,
    });
    if (!extra) return result;
    const layout = () => readCgroupLayout(sys, procDir);
    const plan = planHookMounts(rootPath, extra, bundle, {
      sys,
      cgroupLayout: layout,
      strict: options.strict === true,
    });
    const sources = holdSources(sys, plan);
    let start: ReturnType<typeof hookStart>;
    try {
      result.enteredNamespace = enterMountNamespace(sys, nsFd);
      start = hookStart(sys, plan);
    } catch (err) {
      sources.close();
      throw err;
    }
    const done = await execute({
      sys,
      plan,
      rootfsReal: start.rootfs,
      after: start.after,
      sources,
      recorder: memoryRecorder(start),
      op: "hook",
    });
    result.mounts = done.mounts;
    result.warnings.push(...done.warnings);
    return result;
  } finally {
    sys.close(nsFd);
  }
}
