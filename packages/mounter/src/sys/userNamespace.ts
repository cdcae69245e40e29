import { readlinkSync, writeFileSync } from "node:fs";
import { OcimountError } from "@ocimount/mount-flags/errors";
import { SyscallError } from "./SyscallError.ts";

/** How long the child gets to enter its own user namespace (ms, in 1 ms polls). */
const WAIT_MS = 2000;

/** The positive errno of a node:fs error (libuv gives it negated), EIO if there is none. */
function nodeErrno(err: unknown): number {
  const errno = (err as NodeJS.ErrnoException).errno;
  return typeof errno === "number" && errno !== 0 ? Math.abs(errno) : 5;
}

/** writeFileSync, failing as a `SyscallError` (the call node:fs made, its errno, the path). */
function writeProcFile(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    const op = (err as NodeJS.ErrnoException).syscall ?? "write";
    throw new SyscallError(op, nodeErrno(err), { path }, { cause: err });
  }
}

/**
 * A user namespace with these maps, as a close-on-exec fd, for `Syscalls.userNamespace`: a
 * threaded process cannot unshare(CLONE_NEWUSER) itself, so a child `unshare -U` is spawned,
 * its uid_map and gid_map written once it is in its own namespace, its /proc/<pid>/ns/user
 * opened with `open` and the child killed; the fd keeps the namespace alive. Throws
 * `SyscallError` for a write or open that failed (EPERM for a map the caller may not write),
 * and an `ENOTSUP` error (op `unshare`) when the child never got a namespace of its own: its
 * errno is not visible from here.
 */
export function createUserNamespace(
  uidMap: string,
  gidMap: string,
  open: (path: string) => number,
): number {
  const own = readlinkSync("/proc/self/ns/user");
  let child: ReturnType<typeof Bun.spawn>;
  try {
    child = Bun.spawn(["unshare", "-U", "--", "sleep", "30"], {
      stdio: ["ignore", "ignore", "ignore"],
    });
  } catch (err) {
    throw new SyscallError("posix_spawn", nodeErrno(err), { path: "unshare" }, { cause: err });
  }
  try {
    const ns = `/proc/${child.pid}/ns/user`;
    for (let waited = 0; ; waited++) {
      let current = own;
      try {
        current = readlinkSync(ns);
      } catch {}
      if (current !== own) break;
      if (waited > WAIT_MS || child.exitCode !== null) {
        throw new OcimountError({
          code: "ENOTSUP",
          op: "unshare",
          detail: "could not create a user namespace",
        });
      }
      Bun.sleepSync(1);
    }
    writeProcFile(`/proc/${child.pid}/uid_map`, uidMap);
    writeProcFile(`/proc/${child.pid}/gid_map`, gidMap);
    return open(ns);
  } finally {
    child.kill(9);
  }
}
