import { posix } from "node:path";
import { AT_FDCWD, O_CLOEXEC, O_DIRECTORY, O_PATH } from "@ocimount/mount-flags/linux";
import type { SpecWarning } from "@ocimount/oci-spec";
import type { AppliedMount, ApplyContext } from "../apply/ApplyContext.ts";
import { applyStep, attaches } from "../apply/applyStep.ts";
import { asMountError } from "../apply/asMountError.ts";
import { inUserNamespace } from "../apply/attrs/inUserNamespace.ts";
import { verifyMounts } from "../apply/readback/verifyMounts.ts";
import { type MountError, TeardownError } from "../errors.ts";
import { readBack } from "../mountinfo/readBack.ts";
import type { SetupPlan, Step } from "../plan/types.ts";
import { stopIfAborted } from "../stopIfAborted.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { undo } from "../undo/undo.ts";
import type { BindSources } from "./BindSources.ts";
import type { Recorder } from "./Recorder.ts";

/** One run of the executor: a plan, where it goes, and who records it. */
export interface Execution {
  /** The syscall layer; it also serves the mount table (`mountInfo`) and the namespace probes. */
  sys: Syscalls;
  plan: SetupPlan;
  /** The rootfs's real path, as mountinfo shows it (the journal's and undo set's `rootfs`). */
  rootfsReal: string;
  /** The highest 64-bit mount ID before the first step (0 without 64-bit IDs). */
  after: number;
  sources: BindSources;
  recorder: Recorder;
  /** Names the run in errors that belong to no step: `setup` or `hook`. */
  op: "setup" | "hook";
  /** mount(2) through /proc/thread-self/fd instead of the new mount API. */
  forceMountFallback?: boolean;
  /** The O_NOFOLLOW component walk instead of openat2(RESOLVE_IN_ROOT). */
  forceResolverWalk?: boolean;
  /** Read mountinfo back and check every mount (default true). */
  verify?: boolean;
  /** See `SetupOptions.onStep`. */
  onStep?: (done: number, total: number, step: Step) => void;
  /** See `SetupOptions.signal`. */
  signal?: AbortSignal;
}

/** What a run did. */
export interface Executed {
  /** Every mount attached, in order, with its identity. */
  mounts: AppliedMount[];
  /** The plan's warnings, then those the steps added. */
  warnings: SpecWarning[];
}

/**
 * The one executor of setup and the hook: applies the plan's steps in order in the mount
 * namespace this thread is in, through fds (the root is the self-bind's open_tree fd, or, for a
 * plan without a self-bind, the rootfs opened as it is), telling `recorder` before every attach
 * and after it, then reads the mount table back once and checks every mount against what was
 * asked (`verify`). On any failure it undoes what the recorder holds (`undo`: mounts proven
 * ours, deepest first, then the mountpoints made) and throws the `MountError` naming the step,
 * with `rollback` set if undoing failed too. Closes every fd it opened, and `sources`.
 */
export async function execute(run: Execution): Promise<Executed> {
  const { sys, plan, recorder, signal, onStep } = run;
  let after = run.after;
  const ctx: ApplyContext = {
    sys,
    rootFd: -1,
    rootfs: plan.rootfs,
    sources: run.sources,
    recorder: {
      mounted(m) {
        for (const id of [m.identity, ...m.below]) if (id.unique > after) after = id.unique;
        recorder.mounted(m);
      },
      created: (why, paths) => recorder.created(why, paths),
    },
    applied: [],
    expectations: [],
    warnings: [...plan.warnings],
    forceMountFallback: run.forceMountFallback ?? false,
    forceResolverWalk: run.forceResolverWalk ?? false,
    inUserNamespace: inUserNamespace(sys),
    devNullFd: -1,
  };
  try {
    recorder.begin();
    if (plan.steps[0]?.kind !== "rootfs-bind") {
      ctx.rootFd = sys.openat(AT_FDCWD, plan.rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC);
    }
    const { steps } = plan;
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as Step;
      if (signal !== undefined) await stopIfAborted(signal, i, step.why);
      try {
        if (attaches(step)) {
          const target = step.target.path;
          const at = target === "/" ? run.rootfsReal : posix.join(run.rootfsReal, target);
          recorder.intent({ why: step.why, target, at, after });
        }
        applyStep(ctx, step);
      } catch (err) {
        throw asMountError(err, step.why, {
          source: "source" in step ? step.source : undefined,
          target: step.target.hostPath,
        });
      }
      if (onStep !== undefined) onStep(i + 1, steps.length, step);
    }
    if (run.verify !== false) {
      const mounted = readBack(sys.mountInfo());
      verifyMounts(ctx.expectations, mounted.entries(ctx.expectations.map((e) => e.mountId)));
    }
    recorder.complete(ctx.expectations);
    return { mounts: ctx.applied, warnings: ctx.warnings };
  } catch (err) {
    throw rollBack(sys, recorder, asMountError(err, run.op), plan.bundleDir);
  } finally {
    closeQuietly(sys, ctx.rootFd);
    closeQuietly(sys, ctx.devNullFd);
    run.sources.close();
    recorder.close();
  }
}

/** Undoes what `recorder` holds; a failure to undo becomes `error.rollback`. Returns `error`. */
function rollBack(
  sys: Syscalls,
  recorder: Recorder,
  error: MountError,
  bundleDir: string,
): MountError {
  let failures: Error[];
  try {
    failures = undo(sys, recorder.undoSet()).errors;
    if (failures.length === 0) recorder.discard();
  } catch (err) {
    failures = [err instanceof Error ? err : new Error(String(err))];
  }
  if (failures.length) error.rollback = new TeardownError(bundleDir, failures);
  return error;
}

function closeQuietly(sys: Syscalls, fd: number): void {
  if (fd < 0) return;
  try {
    sys.close(fd);
  } catch {}
}
