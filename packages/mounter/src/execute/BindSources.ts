import { AT_RECURSIVE, OPEN_TREE_CLOEXEC, OPEN_TREE_CLONE } from "@ocimount/mount-flags";
import { AT_FDCWD, O_CLOEXEC, O_PATH } from "@ocimount/mount-flags/linux";
import { errorCode } from "../apply/asMountError.ts";
import type { BindStep } from "../plan/types.ts";
import type { Syscalls } from "../sys/Syscalls.ts";

/** A bind step's source, opened: what the bind executor attaches (it closes `fd`). */
export interface OpenedSource {
  fd: number;
  /**
   * True for a detached tree (open_tree `OPEN_TREE_CLONE`), moved into place with move_mount;
   * false for an O_PATH fd on the source, bound with mount(2) through /proc/thread-self/fd.
   */
  tree: boolean;
}

/**
 * Where the executor gets the sources of bind steps: they are opened as a phase of their own,
 * not looked up by path string inside the step. Setup opens each in place, when its step runs
 * (`sourcesInPlace`); the hook opens them all before it enters the container's mount namespace
 * (`holdSources`), where host paths mean nothing. `step.why` names the step asking.
 */
export interface BindSources {
  /** The source of `step`, handed over to the caller, who closes it. Throws like a syscall. */
  open(step: BindStep): OpenedSource;
  /** Closes every source opened and not handed over. Never throws. */
  close(): void;
}

/**
 * Sources opened by path in the caller's mount namespace when their step runs, as setup needs
 * them (a source may lie under a mount an earlier step made): open_tree
 * `OPEN_TREE_CLONE[|AT_RECURSIVE]`, or, with `mountApi` false or when open_tree is missing
 * (ENOSYS) or refused (EINVAL), an O_PATH fd for mount(2).
 */
export function sourcesInPlace(sys: Syscalls, mountApi: boolean): BindSources {
  return {
    open(step) {
      if (mountApi) {
        const flags = OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | (step.recursive ? AT_RECURSIVE : 0);
        try {
          return { fd: sys.openTree(AT_FDCWD, step.source, flags), tree: true };
        } catch (err) {
          const code = errorCode(err);
          if (code !== "ENOSYS" && code !== "EINVAL") throw err;
        }
      }
      return { fd: sys.openat(AT_FDCWD, step.source, O_PATH | O_CLOEXEC), tree: false };
    },
    close() {},
  };
}
