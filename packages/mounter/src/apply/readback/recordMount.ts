import { identifyMount } from "../../undo/MountIdentity.ts";
import type { ApplyContext } from "../ApplyContext.ts";
import type { Expectation } from "./Expectation.ts";

/** What a step asks of the mount it attached, for the read-back check. */
export interface Asked {
  on: string[];
  off: string[];
  propagation?: Expectation["propagation"];
}

/**
 * Records a mount just attached (held by `fd`): its identity (`identifyMount`: the mountinfo ID,
 * the 64-bit ID that is never reused, parent and place, and the mounts a recursive one brought
 * along) goes to the journal and its ID to the list verified after setup.
 */
export function recordMount(
  ctx: ApplyContext,
  why: string,
  target: string,
  fd: number,
  recursive: boolean,
  asked: Asked,
): number {
  const { mount: identity, below } = identifyMount(ctx.sys, fd, recursive);
  const mountId = identity.id;
  const mount = { why, target, mountId, recursive, identity, below };
  ctx.applied.push(mount);
  ctx.recorder.mounted(mount);
  addExpectation(ctx, why, mountId, asked);
  return mountId;
}

/** Adds a read-back expectation for an existing mount (root.readonly, rootfs propagation). */
export function addExpectation(
  ctx: ApplyContext,
  why: string,
  mountId: number,
  asked: Asked,
): void {
  if (!asked.on.length && !asked.off.length && !asked.propagation) return;
  const e: Expectation = { why, mountId, on: asked.on, off: asked.off };
  if (asked.propagation) e.propagation = asked.propagation;
  ctx.expectations.push(e);
}
