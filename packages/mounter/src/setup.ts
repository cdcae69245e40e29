import { AT_SYMLINK_NOFOLLOW } from "@ocimount/mount-flags";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import type { SpecWarning } from "@ocimount/oci-spec";
import type { AppliedMount } from "./apply/ApplyContext.ts";
import { readCgroupLayout } from "./cgroup/readCgroupLayout.ts";
import type { MountConfig } from "./configTypes.ts";
import { sourcesInPlace } from "./execute/BindSources.ts";
import { execute } from "./execute/execute.ts";
import { journalRecorder } from "./execute/journalRecorder.ts";
import type { BeginEntry } from "./journal/JournalEntry.ts";
import { JournalWriter } from "./journal/JournalWriter.ts";
import { DEFAULT_STATE_DIR, journalPath } from "./journal/journalPath.ts";
import { checkOutsideRootfs, trustedStateDir } from "./journal/trustedState.ts";
import { type PlanOptions, planSetup } from "./plan/planSetup.ts";
import type { SetupPlan, Step } from "./plan/types.ts";
import { checkNotStacked } from "./rootfs/checkNotStacked.ts";
import { checkRootfs, dirIdentity } from "./rootfs/checkRootfs.ts";
import { createSyscalls } from "./sys/ffi.ts";
import type { Syscalls } from "./sys/Syscalls.ts";
import { identifyAt } from "./undo/MountIdentity.ts";
import { mountNamespace } from "./undo/mountNamespace.ts";

/** Options of `setup`. */
export interface SetupOptions extends PlanOptions {
  /** Where journals live (default `/run/ocimount`). */
  stateDir?: string;
  /** The syscall layer (default `createSyscalls()`); unit tests pass a fake. */
  sys?: Syscalls;
  /**
   * Both fallbacks at once, as an older kernel would force them: `forceMountFallback` and
   * `forceResolverWalk` (tests).
   */
  forceFallback?: boolean;
  /** Use mount(2) through /proc/thread-self/fd instead of the new mount API. */
  forceMountFallback?: boolean;
  /** Resolve targets with the O_NOFOLLOW component walk instead of openat2(RESOLVE_IN_ROOT). */
  forceResolverWalk?: boolean;
  /** Read mountinfo back and check every mount (default true). */
  verify?: boolean;
  /**
   * Called after each step is applied, with how many are done (1-based), how many there are,
   * and the step: for progress displays. Not called for the final read-back. Keep it cheap
   * (it runs once per mount; setup allocates nothing for it when it is absent); if it throws,
   * setup rolls back and throws a `MountError` with that error as `cause`.
   */
  onStep?: (done: number, total: number, step: Step) => void;
  /**
   * Stops setup between two steps when aborted (e.g. from a SIGINT handler): it rolls back
   * everything and throws `MountError` `ECANCELED` (`where`: the step not applied). Setup then
   * lets the event loop turn every few steps, so the handler can run.
   */
  signal?: AbortSignal;
}

/** What `setup` did. */
export interface SetupResult {
  plan: SetupPlan;
  /** Every mount attached, in order, with its mount ID. */
  mounts: AppliedMount[];
  /** The plan's warnings, then those applying added (locked flags kept...), as `{ path, message }`. */
  warnings: SpecWarning[];
  journalPath: string;
}

/**
 * Applies a plan (or plans `{ config, bundleDir }` first with `planSetup`, whose `checkBundle`
 * refuses a bad bundle before anything is touched) in the caller's mount namespace:
 * every step through fds (never a path string inside the rootfs), journaled before and after
 * each mount, then read back from mountinfo once. On any failure it rolls back everything it
 * did (mounts and created mountpoints) and throws a `MountError` naming the step (`mounts[3]`);
 * if the rollback fails too, the error carries it as `rollback`. Refuses (`EALREADY`) a bundle
 * whose journal exists. Leaves no fd open.
 */
export async function setup(
  input: SetupPlan | { config: MountConfig; bundleDir: string },
  options: SetupOptions = {},
): Promise<SetupResult> {
  // Display paths (resolved through the rootfs's symlinks) cost syscalls per mount and serve only
  // people; setup plans without them unless asked, and error messages show the lexical path.
  const sys = options.sys ?? createSyscalls();
  const plan =
    "steps" in input
      ? input
      : planSetup(input.config, input.bundleDir, {
          resolveHostPaths: false,
          cgroupLayout: () => readCgroupLayout(sys),
          ...options,
        });
  const { journal, begin } = beginJournal(sys, plan, options.stateDir ?? DEFAULT_STATE_DIR);
  const forceMountFallback = options.forceMountFallback ?? options.forceFallback ?? false;
  const done = await execute({
    sys,
    plan,
    rootfsReal: begin.rootfsReal,
    after: begin.base.unique,
    sources: sourcesInPlace(sys, !forceMountFallback),
    recorder: journalRecorder(journal, begin),
    op: "setup",
    forceMountFallback,
    forceResolverWalk: options.forceResolverWalk ?? options.forceFallback ?? false,
    ...(options.verify === undefined ? {} : { verify: options.verify }),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { plan, mounts: done.mounts, warnings: done.warnings, journalPath: journal.path };
}

/**
 * Checks what setup will trust (the rootfs, the state dir, their places) and creates the
 * journal, locked, with its `begin` entry built (not yet written): bundle and rootfs by path,
 * device and inode, this mount namespace, the proof of ownership this kernel allows and the
 * mount the rootfs is on now.
 */
function beginJournal(
  sys: Syscalls,
  plan: SetupPlan,
  stateDir: string,
): { journal: JournalWriter; begin: BeginEntry } {
  const bundle = dirIdentity(plan.bundleDir, "bundle directory");
  const rootfs = checkRootfs(plan.rootfs);
  checkOutsideRootfs(stateDir, rootfs.real);
  checkOutsideRootfs(trustedStateDir(stateDir, true) as string, rootfs.real);
  checkNotStacked(sys, rootfs, [stateDir, DEFAULT_STATE_DIR]);
  const baseIdentity = identifyAt(sys, AT_FDCWD, rootfs.real, AT_SYMLINK_NOFOLLOW);
  const journal = JournalWriter.create(sys, journalPath(bundle.real, stateDir), plan.bundleDir);
  const begin: BeginEntry = {
    t: "begin",
    v: 2,
    bundleDir: bundle.real,
    bundleDev: bundle.dev,
    bundleIno: bundle.ino,
    rootfs: plan.rootfs,
    rootfsReal: rootfs.real,
    rootfsDev: rootfs.dev,
    rootfsIno: rootfs.ino,
    mntns: mountNamespace(sys),
    proof: baseIdentity.unique ? "unique" : "place",
    base: baseIdentity,
    steps: plan.steps.map((s) => s.why),
    pid: process.pid,
    startedAt: new Date().toISOString(),
  };
  return { journal, begin };
}
