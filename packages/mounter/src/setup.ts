import { posix } from "node:path";
import { AT_SYMLINK_NOFOLLOW } from "@ocimount/mount-flags";
import { AT_FDCWD } from "@ocimount/mount-flags/linux";
import type { AppliedMount, ApplyContext } from "./apply/ApplyContext.ts";
import { applyStep, attaches } from "./apply/applyStep.ts";
import { asMountError } from "./apply/asMountError.ts";
import { inUserNamespace } from "./apply/inUserNamespace.ts";
import { verifyMounts } from "./apply/verifyMounts.ts";
import { readCgroupLayout } from "./cgroup/readCgroupLayout.ts";
import type { MountConfig } from "./configTypes.ts";
import { type MountError, TeardownError } from "./errors.ts";
import type { BeginEntry } from "./journal/JournalEntry.ts";
import { JournalWriter } from "./journal/JournalWriter.ts";
import { DEFAULT_STATE_DIR, journalPath } from "./journal/journalPath.ts";
import { type SetupRecord, undoSetOf } from "./journal/SetupRecord.ts";
import { checkOutsideRootfs, trustedStateDir } from "./journal/trustedState.ts";
import { readBack } from "./mountinfo/readBack.ts";
import { type PlanOptions, planSetup } from "./plan/planSetup.ts";
import type { SetupPlan, Step } from "./plan/types.ts";
import { checkNotStacked } from "./rootfs/checkNotStacked.ts";
import { checkRootfs, dirIdentity } from "./rootfs/checkRootfs.ts";
import { stopIfAborted } from "./stopIfAborted.ts";
import { createSyscalls } from "./sys/ffi.ts";
import type { Syscalls } from "./sys/Syscalls.ts";
import { identifyAt } from "./undo/MountIdentity.ts";
import { mountNamespace } from "./undo/mountNamespace.ts";
import { undo } from "./undo/undo.ts";

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
  warnings: string[];
  journalPath: string;
}

/**
 * Applies a plan (or plans `{ config, bundleDir }` first) in the caller's mount namespace:
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
  const record: SetupRecord = { begin, mounts: [], created: [], pending: [] };
  let after = begin.base.unique;
  const ctx: ApplyContext = {
    sys,
    rootFd: -1,
    rootfs: plan.rootfs,
    recorder: {
      intent: (why, target) => {
        const at = target === "/" ? begin.rootfsReal : posix.join(begin.rootfsReal, target);
        record.pending = [{ why, target, at, after }];
        journal.append({ t: "intent", why, target, at, after }, why);
      },
      mounted: (m) => {
        record.pending = [];
        for (const id of [m.identity, ...m.below]) if (id.unique > after) after = id.unique;
        const entry = {
          t: "mounted" as const,
          why: m.why,
          target: m.target,
          recursive: m.recursive,
          mount: m.identity,
          below: m.below,
        };
        // The self-bind is written at once: a crash must not lose which mount is ours.
        if (m.why === "root.path") journal.append(entry, m.why);
        else journal.hold(entry);
      },
      created: (why, paths) => {
        for (const path of paths) record.created.push(path);
        journal.append({ t: "created", why, paths }, why);
      },
    },
    applied: record.mounts,
    expectations: [],
    warnings: [...plan.warnings],
    forceMountFallback: options.forceMountFallback ?? options.forceFallback ?? false,
    forceResolverWalk: options.forceResolverWalk ?? options.forceFallback ?? false,
    inUserNamespace: inUserNamespace(sys),
    devNullFd: -1,
  };
  try {
    journal.append(begin);
    const { steps } = plan;
    const { onStep, signal } = options;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      if (signal !== undefined) await stopIfAborted(signal, i, step.why);
      try {
        if (attaches(step)) ctx.recorder.intent(step.why, step.target.path);
        applyStep(ctx, step);
      } catch (err) {
        throw asMountError(err, step.why, {
          source: "source" in step ? step.source : undefined,
          target: step.target.hostPath,
        });
      }
      if (onStep !== undefined) onStep(i + 1, steps.length, step);
    }
    if (options.verify !== false) {
      const mounted = readBack(ctx.sys.mountInfo());
      verifyMounts(ctx.expectations, mounted.entries(ctx.expectations.map((e) => e.mountId)));
    }
    journal.append({ t: "complete", expectations: ctx.expectations }, "setup");
    journal.close();
    return { plan, mounts: [...record.mounts], warnings: ctx.warnings, journalPath: journal.path };
  } catch (err) {
    throw rollBack(sys, record, journal, asMountError(err, "setup"));
  } finally {
    closeQuietly(sys, ctx.rootFd);
    closeQuietly(sys, ctx.devNullFd);
    try {
      journal.close();
    } catch {}
  }
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

function rollBack(
  sys: Syscalls,
  record: SetupRecord,
  journal: JournalWriter,
  error: MountError,
): MountError {
  let failures: Error[];
  try {
    failures = undo(sys, undoSetOf(record)).errors;
  } catch (err) {
    failures = [err instanceof Error ? err : new Error(String(err))];
  }
  if (failures.length) error.rollback = new TeardownError(record.begin.bundleDir, failures);
  else {
    try {
      journal.discard();
    } catch (err) {
      error.rollback = new TeardownError(record.begin.bundleDir, [err as Error]);
    }
  }
  return error;
}

function closeQuietly(sys: Syscalls, fd: number): void {
  if (fd < 0) return;
  try {
    sys.close(fd);
  } catch {}
}
