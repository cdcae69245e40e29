// First, on purpose: outside Bun this throws one clear message before anything else runs.
import "./requireBun.ts";

export { errnoName, errnoText } from "@ocimount/mount-flags/errors";
export type { AppliedMount } from "./apply/ApplyContext.ts";
export type { Expectation } from "./apply/readback/Expectation.ts";
export type { CgroupHierarchy, CgroupLayout } from "./cgroup/CgroupLayout.ts";
export { parseCgroupLayout } from "./cgroup/parseCgroupLayout.ts";
export { readCgroupLayout } from "./cgroup/readCgroupLayout.ts";
/** The one bundle check (`setup`, `planSetup` and the hook run it): issues and warnings as data. */
export {
  type BundleCheck,
  type BundleIssue,
  type CheckBundleOptions,
  checkBundle,
} from "./check/checkBundle.ts";
export type { IdMapping, MountConfig, SpecMount } from "./configTypes.ts";
export { MountError, type MountErrorCode, type MountErrorFields, TeardownError } from "./errors.ts";
export { HookError, type HookErrorCode, type HookErrorFields } from "./hook/HookError.ts";
export type { HookMounts } from "./hook/parseHookMounts.ts";
export { parseHookMounts } from "./hook/parseHookMounts.ts";
export { type HookState, parseHookState } from "./hook/parseHookState.ts";
export { HOOK_MOUNTS_ANNOTATION } from "./hook/readHookMounts.ts";
export { type HookOptions, type HookResult, runHook } from "./hook/runHook.ts";
export { createFileInRoot } from "./inroot/createFileInRoot.ts";
export type { InRootErrorFields, InRootOp } from "./inroot/InRootError.ts";
export { InRootError } from "./inroot/InRootError.ts";
export type { CreatedInRoot } from "./inroot/mkdirAllInRoot.ts";
export { mkdirAllInRoot } from "./inroot/mkdirAllInRoot.ts";
export type { OpenInRootOptions } from "./inroot/openInRoot.ts";
export { openInRoot } from "./inroot/openInRoot.ts";
export { DEFAULT_STATE_DIR, journalPath } from "./journal/journalPath.ts";
export { type JournalListing, listJournals } from "./journal/listJournals.ts";
export { formatPlan } from "./plan/formatPlan.ts";
export { type PlanOptions, planSetup } from "./plan/planSetup.ts";
export { type PlanJson, planToJson } from "./plan/planToJson.ts";
export type {
  BindStep,
  LinkStep,
  MaskStep,
  NewFsStep,
  ReadonlyStep,
  RootfsBindStep,
  RootPropagationStep,
  RootReadonlyStep,
  SetupPlan,
  Step,
  StepOptions,
  StepTarget,
} from "./plan/types.ts";
export { type KernelFeature, probeKernelFeatures } from "./probeKernelFeatures.ts";
export { type SetupOptions, type SetupResult, setup } from "./setup.ts";
export { type StatusReport, type StatusState, type StepStatus, status } from "./status.ts";
export type { FakeCall, FakeSyscalls, FakeSyscallsOptions, SyscallArgs } from "./sys/fake.ts";
export { createFakeSyscalls } from "./sys/fake.ts";
export { createSyscalls } from "./sys/ffi.ts";
export type { SyscallContext } from "./sys/SyscallError.ts";
export { SyscallError } from "./sys/SyscallError.ts";
export type { FileStat, FsStat, MountAttr, MountStat, OpenHow, Syscalls } from "./sys/Syscalls.ts";
export { withoutUniqueMountIds } from "./sys/withoutUniqueMountIds.ts";
export {
  type TeardownOptions,
  type TeardownPlan,
  type TeardownResult,
  teardown,
} from "./teardown/teardown.ts";
export type { MountIdentity, Proof } from "./undo/MountIdentity.ts";
export type { PendingAttach, UndoSet } from "./undo/UndoSet.ts";
export { type UndoOutcome, undo } from "./undo/undo.ts";
