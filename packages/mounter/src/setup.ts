import { readFileSync, unlinkSync } from "node:fs";
import { AT_SYMLINK_NOFOLLOW } from "@ocimount/mount-flags";
import type { AppliedMount, ApplyContext } from "./apply/ApplyContext.ts";
import { applyStep, attaches } from "./apply/applyStep.ts";
import { asMountError } from "./apply/asMountError.ts";
import { inUserNamespace } from "./apply/inUserNamespace.ts";
import { readBack } from "./apply/readBack.ts";
import { verifyMounts } from "./apply/verifyMounts.ts";
import type { MountConfig } from "./configTypes.ts";
import { MountError, TeardownError } from "./errors.ts";
import { JournalWriter } from "./journal/JournalWriter.ts";
import { journalPath } from "./journal/journalPath.ts";
import type { SetupRecord } from "./journal/SetupRecord.ts";
import { type PlanOptions, planSetup } from "./plan/planSetup.ts";
import type { SetupPlan, Step } from "./plan/types.ts";
import { stopIfAborted } from "./stopIfAborted.ts";
import { AT_FDCWD } from "./sys/constants.ts";
import { createSyscalls } from "./sys/ffi.ts";
import type { Syscalls } from "./sys/Syscalls.ts";
import { tearDownRecord } from "./teardown/tearDownRecord.ts";

/** Options of `setup`. */
export interface SetupOptions extends PlanOptions {
  /** Where journals live (default `/run/ocimount`). */
  stateDir?: string;
  /** The syscall layer (default `createSyscalls()`); unit tests pass a fake. */
  sys?: Syscalls;
  /** Use mount(2) through /proc/thread-self/fd instead of the new mount API (older kernels; tests). */
  forceFallback?: boolean;
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
  const plan =
    "steps" in input
      ? input
      : planSetup(input.config, input.bundleDir, { resolveHostPaths: false, ...options });
  const sys = options.sys ?? createSyscalls();
  const journal = JournalWriter.create(
    bundleJournalPath(plan.bundleDir, options.stateDir),
    plan.bundleDir,
  );
  const begin = {
    t: "begin" as const,
    v: 1 as const,
    bundleDir: plan.bundleDir,
    rootfs: plan.rootfs,
    rootfsMountIdBefore: 0,
    steps: plan.steps.map((s) => s.why),
    pid: process.pid,
    startedAt: new Date().toISOString(),
  };
  const record: SetupRecord = { begin, mounts: [], created: [], pending: [] };
  const ctx: ApplyContext = {
    sys,
    rootFd: -1,
    rootfs: plan.rootfs,
    recorder: {
      intent: (why, target) => {
        record.pending = [{ why, target }];
        journal.append({ t: "intent", why, target });
      },
      mounted: (m) => {
        record.pending = [];
        const entry = {
          t: "mounted" as const,
          why: m.why,
          target: m.target,
          mountId: m.mountId,
          recursive: m.recursive,
        };
        // The self-bind's ID is written at once: a crash must not lose which mount is ours.
        if (m.why === "root.path") journal.append(entry);
        else journal.hold(entry);
      },
      created: (why, paths) => {
        for (const path of paths) record.created.push(path);
        journal.append({ t: "created", why, paths });
      },
    },
    applied: record.mounts,
    expectations: [],
    warnings: [...plan.warnings],
    forceFallback: options.forceFallback ?? false,
    inUserNamespace: inUserNamespace(),
    devNullFd: -1,
  };
  try {
    begin.rootfsMountIdBefore = sys.statx(AT_FDCWD, plan.rootfs, AT_SYMLINK_NOFOLLOW).mountId;
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
    const mounted = readBack(readFileSync("/proc/thread-self/mountinfo", "utf8"));
    if (options.verify !== false)
      verifyMounts(ctx.expectations, mounted.entries(ctx.expectations.map((e) => e.mountId)));
    const tree = mounted.tree(record.mounts[0]?.mountId ?? -1);
    journal.append({ t: "complete", expectations: ctx.expectations, tree });
    return { plan, mounts: [...record.mounts], warnings: ctx.warnings, journalPath: journal.path };
  } catch (err) {
    throw rollBack(sys, record, journal, asMountError(err, "setup"));
  } finally {
    closeQuietly(sys, ctx.rootFd);
    closeQuietly(sys, ctx.devNullFd);
    journal.close();
  }
}

function rollBack(
  sys: Syscalls,
  record: SetupRecord,
  journal: JournalWriter,
  error: MountError,
): MountError {
  const undo = tearDownRecord(sys, record);
  if (undo.errors.length) {
    error.rollback = new TeardownError(record.begin.bundleDir, undo.errors);
  } else {
    journal.close();
    unlinkSync(journal.path);
  }
  return error;
}

function bundleJournalPath(bundleDir: string, stateDir: string | undefined): string {
  try {
    return journalPath(bundleDir, stateDir);
  } catch (err) {
    throw new MountError({
      code: "EINVALID",
      op: "setup",
      target: bundleDir,
      detail: "bundle directory not found",
      cause: err,
    });
  }
}

function closeQuietly(sys: Syscalls, fd: number): void {
  if (fd < 0) return;
  try {
    sys.close(fd);
  } catch {}
}
