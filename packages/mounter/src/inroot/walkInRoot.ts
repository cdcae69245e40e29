import { ERRNO } from "@ocimount/mount-flags/errors";
import {
  MAXSYMLINKS,
  O_DIRECTORY,
  O_NOFOLLOW,
  O_PATH,
  S_IFDIR,
  S_IFLNK,
} from "@ocimount/mount-flags/linux";
import { SyscallError } from "../sys/SyscallError.ts";
import type { Syscalls } from "../sys/Syscalls.ts";
import { createMissing } from "./createMissing.ts";
import { InRootError, type InRootOp } from "./InRootError.ts";
import { typeOf } from "./typeOf.ts";

/** Linux's MAXSYMLINKS: the 41st link in one resolution is ELOOP. */
const MAX_LINKS = MAXSYMLINKS;
const { ENOENT, ENOTDIR, EISDIR, ELOOP } = ERRNO;

/** What the walk does with missing components: nothing (ENOENT), or create dirs or a file. */
export interface WalkOptions {
  op: InRootOp;
  /** O_NOFOLLOW (keep a trailing link) and/or O_DIRECTORY (the result must be a directory). */
  flags: number;
  create?: { kind: "dir" | "file"; mode: number };
}

/** An O_PATH fd of one component and its S_IFMT type. */
interface Found {
  fd: number;
  type: number;
}

/** Builds an InRootError for the walk's current position. */
type Fail = (errno: number, name?: string, cause?: unknown) => InRootError;

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
 * dev/ino comparison with the root is needed (the stack is the clamp, and it cannot be fooled
 * by a directory moved out of the root mid-walk, which a `..` opened by the kernel could).
 * In a tree that stays still this is the kernel's answer: a directory's `..` is the directory
 * it was opened from (across mount points too). Each level holds one fd until the walk ends.
 */
export function walkInRoot(
  sys: Syscalls,
  rootFd: number,
  unsafePath: string,
  options: WalkOptions,
): { fd: number; created: string[] } {
  const walk = new RootWalk(sys, rootFd, unsafePath, options);
  try {
    return walk.run();
  } finally {
    walk.closeAll();
  }
}

class RootWalk {
  /** Directories below the root, outermost first, with the names they were opened by. */
  private readonly stack: { fd: number; name: string }[] = [];
  /** Components still to resolve, the next one last. */
  private readonly pending: string[];
  readonly created: string[] = [];
  private links = 0;

  constructor(
    private readonly sys: Syscalls,
    private readonly rootFd: number,
    private readonly unsafePath: string,
    private readonly options: WalkOptions,
  ) {
    this.pending = components(unsafePath).reverse();
  }

  run(): { fd: number; created: string[] } {
    while (this.pending.length > 0) {
      const name = this.pending.pop()!;
      if (name === "" || name === ".") continue;
      if (name === "..") {
        const top = this.stack.pop();
        if (top) this.sys.close(top.fd);
        continue;
      }
      const fd = this.step(name, this.pending.length === 0);
      if (fd !== undefined) return { fd, created: this.created };
    }
    if (this.options.create?.kind === "file") throw this.fail(EISDIR);
    const top = this.stack.pop();
    return {
      fd: top?.fd ?? this.sys.openat(this.rootFd, ".", O_PATH | O_DIRECTORY),
      created: this.created,
    };
  }

  /** Resolves one name; returns the final fd when the walk ends on a non-directory. */
  private step(name: string, last: boolean): number | undefined {
    const { flags, create } = this.options;
    const found = this.open(name) ?? this.createMissing(name, last);
    if (found.type === S_IFDIR) {
      this.stack.push({ fd: found.fd, name });
      return undefined;
    }
    if (found.type === S_IFLNK && !(last && flags & O_NOFOLLOW && !create)) {
      this.follow(found.fd, name);
      return undefined;
    }
    if (!last || flags & O_DIRECTORY || create?.kind === "dir") {
      this.sys.close(found.fd);
      throw this.fail(ENOTDIR, name);
    }
    return found.fd;
  }

  /** Opens `name` in the current directory without following it; undefined when missing. */
  private open(name: string): Found | undefined {
    const here = this.stack.at(-1)?.fd ?? this.rootFd;
    try {
      // The common case, a directory, in one call: O_DIRECTORY|O_NOFOLLOW refuses links and files.
      return { fd: this.sys.openat(here, name, O_PATH | O_NOFOLLOW | O_DIRECTORY), type: S_IFDIR };
    } catch (error) {
      if (!(error instanceof SyscallError)) throw error;
      if (error.errno === ENOENT) return undefined;
      if (error.errno !== ENOTDIR) throw this.fail(error.errno, name, error);
    }
    try {
      const fd = this.sys.openat(here, name, O_PATH | O_NOFOLLOW);
      return { fd, type: typeOf(this.sys, fd) };
    } catch (error) {
      if (!(error instanceof SyscallError)) throw error;
      if (error.errno === ENOENT) return undefined;
      throw this.fail(error.errno, name, error);
    }
  }

  /** A missing name: ENOENT, or created as a directory (or the file, when last). */
  private createMissing(name: string, last: boolean): Found {
    const create = this.options.create;
    if (!create) throw this.fail(ENOENT, name);
    // `new/` or `new/.` as a file: the kernel's open(O_CREAT) says EISDIR and creates nothing.
    if (create.kind === "file" && !last && this.pending.every((p) => p === "" || p === ".")) {
      throw this.fail(EISDIR, name);
    }
    const here = this.stack.at(-1)?.fd ?? this.rootFd;
    const kind = last ? create.kind : "dir";
    const made = createMissing(this.sys, here, name, kind, create.mode, this.fail);
    if (made.created) this.created.push(this.where(name));
    return made;
  }

  /** Follows the link open as `fd` (closing it): its target's components go first. */
  private follow(fd: number, name: string): void {
    if (++this.links > MAX_LINKS) {
      this.sys.close(fd);
      throw this.fail(ELOOP, name);
    }
    let target: string;
    try {
      target = this.sys.readlinkat(fd, ""); // the link itself, by its O_PATH fd (Linux 2.6.39)
    } finally {
      this.sys.close(fd);
    }
    if (target === "") throw this.fail(ENOENT, name);
    if (target.startsWith("/")) this.closeAll();
    this.pending.push(...components(target).reverse());
  }

  /** The in-root path of the current directory, or of `name` in it. */
  private where(name?: string): string {
    return `/${[...this.stack.map((l) => l.name), ...(name ? [name] : [])].join("/")}`;
  }

  private readonly fail: Fail = (errno, name, cause) =>
    new InRootError({
      op: this.options.op,
      errno,
      path: this.unsafePath,
      component: this.where(name),
      created: [...this.created],
      cause,
    });

  closeAll(): void {
    for (const level of this.stack.splice(0)) this.sys.close(level.fd);
  }
}

/** The path's components; an absolute path's leading "/" is dropped (the walk starts at the root). */
function components(path: string): string[] {
  const parts = path.split("/");
  return path.startsWith("/") ? parts.slice(1) : parts;
}
