import { MS_PRIVATE, MS_SHARED, MS_SLAVE, MS_UNBINDABLE } from "@ocimount/mount-flags";
import type { Expectation } from "./Expectation.ts";

/** The mountinfo propagation a MS_* propagation change leaves on the mount itself. */
export function propagationWord(ms: number): NonNullable<Expectation["propagation"]> | undefined {
  if (ms & MS_SHARED) return "shared";
  if (ms & MS_SLAVE) return "slave";
  if (ms & MS_PRIVATE) return "private";
  if (ms & MS_UNBINDABLE) return "unbindable";
  return undefined;
}
