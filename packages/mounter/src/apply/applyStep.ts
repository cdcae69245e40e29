import type { Step } from "../plan/types.ts";
import type { ApplyContext } from "./ApplyContext.ts";
import { applyBind } from "./bind/applyBind.ts";
import { applyMask } from "./masks/applyMask.ts";
import { applyReadonly } from "./masks/applyReadonly.ts";
import { applyCgroup2, applyLink } from "./newfs/applyCgroup.ts";
import { applyNewFs } from "./newfs/applyNewFs.ts";
import { applyRootfsBind, applyRootPropagation, applyRootReadonly } from "./root/applyRootSteps.ts";

/** Applies one planned step. Throws what the step's executor throws (SyscallError, MountError, InRootError). */
export function applyStep(ctx: ApplyContext, step: Step): void {
  switch (step.kind) {
    case "rootfs-bind":
      applyRootfsBind(ctx, step);
      return;
    case "bind":
      applyBind(ctx, step);
      return;
    case "new-fs":
      if (step.orBind) applyCgroup2(ctx, step, step.orBind);
      else applyNewFs(ctx, step);
      return;
    case "link":
      applyLink(ctx, step);
      return;
    case "mask":
      applyMask(ctx, step);
      return;
    case "readonly":
      applyReadonly(ctx, step);
      return;
    case "root-readonly":
      applyRootReadonly(ctx, step);
      return;
    case "rootfs-propagation":
      applyRootPropagation(ctx, step);
      return;
  }
}

/** Steps that attach a mount (and so write an intent to the journal first). */
export function attaches(step: Step): boolean {
  return (
    step.kind !== "root-readonly" && step.kind !== "rootfs-propagation" && step.kind !== "link"
  );
}
