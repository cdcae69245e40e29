import { O_DIRECTORY, O_NOFOLLOW, O_PATH, S_IFDIR, S_IFLNK } from "../sys/constants.ts";
import { SyscallError } from "../sys/SyscallError.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { createMissing } from "./createMissing.ts";
import { InRootError, type InRootOp } from "./InRootError.ts";
import { typeOf } from "./typeOf.ts";

/** Linux's MAXSYMLINKS: the 41st link in one resolution is ELOOP. */
const MAX_LINKS = 40;
const ENOENT = 2;
const ENOTDIR = 20;
const EISDIR = 21;
const ELOOP = 40;

/** What the walk does with missing components: nothing (ENOENT), or create dirs or a file. */
export interface WalkOptions {
  op: InRootOp;
  /** O_NOFOLLOW (keep a trailing link) and/or O_DIRECTORY (the result must be a directory). */
  flags: number;
  create?: { kind: "dir" | "file"; mode: number };
}

/** An open directory on the way down from the root, with the name it was opened by. */
interface Level {
  fd: number;
  name: string;
}

/**
 * Resolves `unsafePath` inside `rootFd` one component at a time, as the kernel would under
 * chroot, without ever letting the kernel follow a symlink: each name is opened with
 * `openat(O_PATH|O_NOFOLLOW)` relative to a directory fd we hold, links are read with
 * readlinkat(fd, "") and followed by us (absolute -> restart at the root, relative -> at the
 * link's directory), and at most 40 links are followed (ELOOP).
 *
 * `..` pops the stack of directory fds this walk opened on its way down, and stays at the root
 * when the stack is empty. So every fd the walk holds was reached downwards from `rootFd`
 * through single names: no rename, symlink swap or `..` can take it outside the root, and no
 * dev/ino check of the parent is needed (the stack is the clamp). In a tree that stays still
 * this gives the kernel's answer: a directory's `..` is the directory it was opened from.
 * Each level holds one fd until the walk ends.
 */
export function walkInRoot(
  sys: Syscalls,
  rootFd: number,
  unsafePath: string,
  options: WalkOptions,
): { fd: number; created: string[] } {
  const stack: Level[] = [];
  const created: string[] = [];
  const pending = components(unsafePath).reverse();
  const where = (name?: string) =>
    `/${[...stack.map((l) => l.name), ...(name ? [name] : [])].join("/")}`;
  const fail = (errno: number, name?: string, cause?: unknown) =>
    new InRootError({
      op: options.op,
      errno,
      path: unsafePath,
      component: where(name),
      created: [...created],
      cause,
    });
  const closeAll = () => {
    for (const level of stack.splice(0)) sys.close(level.fd);
  };
  let links = 0;
  try {
    while (pending.length > 0) {
      const name = pending.pop()!;
      const last = pending.length === 0;
      if (name === "" || name === ".") continue;
      if (name === "..") {
        const top = stack.pop();
        if (top) sys.close(top.fd);
        continue;
      }
      const here = stack.at(-1)?.fd ?? rootFd;
      let found = openComponent(sys, here, name, fail);
      if (found === undefined) {
        if (!options.create) throw fail(ENOENT, name);
        // `new/` or `new/.` as a file: the kernel's open(O_CREAT) says EISDIR and creates nothing.
        if (
          options.create.kind === "file" &&
          !last &&
          pending.every((p) => p === "" || p === ".")
        ) {
          throw fail(EISDIR, name);
        }
        const kind = last && options.create.kind === "file" ? "file" : "dir";
        const made = createMissing(sys, here, name, kind, options.create.mode, fail);
        if (made.created) created.push(where(name));
        found = made;
      }
      if (found.type === S_IFDIR) {
        stack.push({ fd: found.fd, name });
        continue;
      }
      if (found.type === S_IFLNK && !(last && options.flags & O_NOFOLLOW && !options.create)) {
        if (++links > MAX_LINKS) {
          sys.close(found.fd);
          throw fail(ELOOP, name);
        }
        const target = readTarget(sys, found.fd);
        if (target === "") throw fail(ENOENT, name);
        if (target.startsWith("/")) closeAll();
        pending.push(...components(target).reverse());
        continue;
      }
      if (!last || options.flags & O_DIRECTORY || options.create?.kind === "dir") {
        sys.close(found.fd);
        throw fail(ENOTDIR, name);
      }
      closeAll();
      return { fd: found.fd, created };
    }
    if (options.create?.kind === "file") throw fail(EISDIR);
    const top = stack.pop();
    closeAll();
    return { fd: top?.fd ?? sys.openat(rootFd, ".", O_PATH | O_DIRECTORY), created };
  } catch (error) {
    closeAll();
    throw error;
  }
}

/** The path's components; an absolute path's leading "/" is dropped (the walk starts at the root). */
function components(path: string): string[] {
  const parts = path.split("/");
  return path.startsWith("/") ? parts.slice(1) : parts;
}

/**
 * Opens one name below `dirFd` without following it: `{fd, type}` with type S_IFDIR, S_IFLNK
 * or another S_IFMT value, or undefined when the name does not exist.
 */
function openComponent(
  sys: Syscalls,
  dirFd: number,
  name: string,
  fail: (errno: number, name?: string, cause?: unknown) => InRootError,
): { fd: number; type: number } | undefined {
  try {
    // The common case, a directory, in one call: O_DIRECTORY|O_NOFOLLOW refuses links and files.
    return { fd: sys.openat(dirFd, name, O_PATH | O_NOFOLLOW | O_DIRECTORY), type: S_IFDIR };
  } catch (error) {
    if (!(error instanceof SyscallError)) throw error;
    if (error.errno === ENOENT) return undefined;
    if (error.errno !== ENOTDIR) throw fail(error.errno, name, error);
  }
  try {
    const fd = sys.openat(dirFd, name, O_PATH | O_NOFOLLOW);
    return { fd, type: typeOf(sys, fd) };
  } catch (error) {
    if (error instanceof SyscallError && error.errno === ENOENT) return undefined;
    throw error instanceof SyscallError ? fail(error.errno, name, error) : error;
  }
}

/** Reads a link through its O_PATH fd (readlinkat(fd, ""), Linux 2.6.39) and closes the fd. */
function readTarget(sys: Syscalls, fd: number): string {
  try {
    return sys.readlinkat(fd, "");
  } finally {
    sys.close(fd);
  }
}
