import { posix } from "node:path";
import { O_DIRECTORY } from "@ocimount/mount-flags/linux";
import { openInRoot } from "../../inroot/openInRoot.ts";
import { stepWarning } from "../../plan/stepWarning.ts";
import type { BindStep, LinkStep, NewFsStep } from "../../plan/types.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import { errorCode } from "../asMountError.ts";
import { applyBind } from "../bind/applyBind.ts";
import { applyNewFs } from "./applyNewFs.ts";

/**
 * A `type: "cgroup"` mount on a cgroup v2 host: cgroup2 at the destination; when the kernel
 * refuses it with EPERM or EBUSY (a user namespace without a cgroup namespace of its own), a
 * bind of `orBind` (the host's /sys/fs/cgroup) with the same options, as runc's
 * `mountCgroupV2` falls back, and a warning. Other errors are thrown.
 */
export function applyCgroup2(ctx: ApplyContext, step: NewFsStep, orBind: string): void {
  try {
    applyNewFs(ctx, step);
    return;
  } catch (err) {
    const code = errorCode(err);
    if (code !== "EPERM" && code !== "EBUSY") throw err;
    const message = `cgroup2 mount refused (${code}); bound ${orBind} instead`;
    ctx.warnings.push(stepWarning(step.why, message));
  }
  const bind: BindStep = {
    kind: "bind",
    why: step.why,
    source: orBind,
    recursive: false,
    target: step.target,
    options: { ...step.options, bind: true },
  };
  applyBind(ctx, bind);
}

const EEXIST = "EEXIST";

/**
 * A symlink of a merged v1 hierarchy (`cpu -> cpu,cpuacct`) in the cgroup tmpfs, made with
 * symlinkat on the parent directory opened inside the root. A name that exists already is left
 * alone (runc ignores EEXIST too). Nothing to record: it goes away with the tmpfs.
 */
export function applyLink(ctx: ApplyContext, step: LinkStep): void {
  const parent = posix.dirname(step.target.path);
  const dir = openInRoot(ctx.sys, ctx.rootFd, parent, {
    forceFallback: ctx.forceResolverWalk,
    flags: O_DIRECTORY,
  });
  try {
    ctx.sys.symlinkat(step.linkTo, dir, posix.basename(step.target.path));
  } catch (err) {
    if (errorCode(err) !== EEXIST) throw err;
  } finally {
    ctx.sys.close(dir);
  }
}
