import { MS_PRIVATE, MS_REC, MS_SHARED, MS_SLAVE, MS_UNBINDABLE } from "./constants.ts";

/** A propagation option: the MS_* value of its own `mount(NULL, target, NULL, flag, NULL)` call. */
export interface PropagationOption {
  /** The option string (`rshared`). */
  readonly option: string;
  /** The propagation type, with MS_REC for the recursive forms (`MS_SHARED | MS_REC`). */
  readonly flag: number;
  /** What the option does, in a few words. */
  readonly description: string;
}

function propagation(option: string, flag: number, description: string): PropagationOption {
  return Object.freeze({ option, flag, description });
}

/**
 * The shared-subtree options (Documentation/filesystems/sharedsubtree.rst). Propagation is a
 * separate call (or `mount_setattr`'s `propagation` field): mixed into a bind it is ignored.
 * Recursive forms come first so that `formatMountFlags` names `MS_SHARED | MS_REC` `rshared`.
 */
export const PROPAGATION_OPTIONS: readonly PropagationOption[] = Object.freeze([
  propagation("rshared", MS_SHARED | MS_REC, "make the mount and its submounts shared"),
  propagation("shared", MS_SHARED, "make the mount shared"),
  propagation("rslave", MS_SLAVE | MS_REC, "make the mount and its submounts slaves"),
  propagation("slave", MS_SLAVE, "make the mount a slave"),
  propagation("rprivate", MS_PRIVATE | MS_REC, "make the mount and its submounts private"),
  propagation("private", MS_PRIVATE, "make the mount private"),
  propagation("runbindable", MS_UNBINDABLE | MS_REC, "make the mount and its submounts unbindable"),
  propagation("unbindable", MS_UNBINDABLE, "make the mount unbindable"),
]);
