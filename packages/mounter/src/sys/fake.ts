import { ERRNO } from "@ocimount/mount-flags/errors";
import { S_IFDIR } from "@ocimount/mount-flags/linux";
import { SyscallError } from "./SyscallError.ts";
import type { FileStat, MountStat, Syscalls } from "./Syscalls.ts";

const { ENOENT, EBADF, EINVAL, ENOSYS, ENODATA } = ERRNO;

/** The arguments of a `Syscalls` method, as a tuple: `SyscallArgs<"mountSetattr">` is `[dirfd, path, flags, attr: MountAttr]`. */
export type SyscallArgs<K extends keyof Syscalls> = Parameters<Syscalls[K]>;

/**
 * One recorded call: the method name and its arguments as passed, typed per method. Narrowing
 * on `op` types `args` (`if (c.op === "mountSetattr") c.args[3].attrSet`); `FakeCall<"mount">`
 * is a call of that method only.
 */
export type FakeCall<K extends keyof Syscalls = keyof Syscalls> = {
  [Op in K]: { readonly op: Op; readonly args: SyscallArgs<Op> };
}[K];

/** How a {@link createFakeSyscalls} fake behaves; by default every call succeeds. */
export interface FakeSyscallsOptions {
  /** An errno to make the call fail with (thrown as SyscallError), or undefined to succeed. */
  failOn?: (op: keyof Syscalls, args: readonly unknown[]) => number | undefined;
  /** What statx reports for (dirfd, path); the default is a 0755 root-owned directory. */
  stat?: (dirfd: number, path: string) => Partial<FileStat>;
  /** What `uniqueMountId` reports for (dirfd, path); the default is 0 (a kernel before 6.8). */
  uniqueMountId?: (dirfd: number, path: string) => number;
  /**
   * A made-up mount table for listmount and statmount (each returns undefined for ENOSYS, or
   * throws its own SyscallError); without it both fail with ENOSYS, as before Linux 6.8.
   */
  mounts?: {
    listmount(uniqueId: number): number[] | undefined;
    statmount(uniqueId: number): MountStat | undefined;
  };
  /** Link targets for readlinkat; the default is EINVAL (not a link). An fd's path is `fdPath`'s. */
  readlink?: (dirfd: number, path: string) => string | undefined;
  /**
   * The mount table `mountInfo()` gives (mountinfo lines), or a function writing it at each call
   * (a table that changes, `fakeMountTable`); empty by default, never the host's.
   */
  mountInfo?: string | (() => string);
  /** What `uidMap()` gives; the initial user namespace's map by default. */
  uidMap?: string;
  /** What readTextFile gives for a path (a made-up /proc/self/mountinfo...); ENOENT otherwise. */
  files?: Readonly<Record<string, string>>;
  /** What each read(fd) gives, in turn, e.g. an fsopen fd's messages; then ENODATA. */
  reads?: (fd: number) => string | undefined;
}

/** A recording fake: the calls made, in order, and the fds it handed out that are still open. */
export interface FakeSyscalls extends Syscalls {
  readonly calls: readonly FakeCall[];
  readonly openFds: ReadonlySet<number>;
  /** The arguments of every call of `op` so far, in order (typed: no casts). */
  argsOf<K extends keyof Syscalls>(op: K): SyscallArgs<K>[];
}

/**
 * A `Syscalls` that touches nothing: it records every call, hands out fds counting up from
 * 100, fails closing an fd it did not hand out (EBADF), and otherwise succeeds unless `failOn`
 * says otherwise. For unit tests of the planner, engine and CLI without root; it knows nothing
 * of paths, so it proves the order and arguments of calls, never their effect.
 */
export function createFakeSyscalls(options: FakeSyscallsOptions = {}): FakeSyscalls {
  const calls: FakeCall[] = [];
  const openFds = new Set<number>();
  let nextFd = 100;
  const call = <K extends keyof Syscalls>(op: K, args: SyscallArgs<K>): void => {
    // TypeScript cannot tie the generic K to one member of the union: the pair is one by construction.
    calls.push({ op, args } as FakeCall);
    const errno = options.failOn?.(op, args);
    if (errno)
      throw new SyscallError(op, errno, {
        path: typeof args[1] === "string" ? args[1] : undefined,
      });
  };
  const newFd = <K extends keyof Syscalls>(op: K, args: SyscallArgs<K>): number => {
    call(op, args);
    openFds.add(nextFd);
    return nextFd++;
  };
  return {
    calls,
    openFds,
    argsOf: <K extends keyof Syscalls>(op: K) =>
      calls.filter((c) => c.op === op).map((c) => c.args as SyscallArgs<K>),
    openat: (...args) => newFd("openat", args),
    openat2: (...args) => newFd("openat2", args),
    openTree: (...args) => newFd("openTree", args),
    fsopen: (...args) => newFd("fsopen", args),
    fsmount: (...args) => newFd("fsmount", args),
    close(...args) {
      call("close", args);
      if (!openFds.delete(args[0]))
        throw new SyscallError("close", EBADF, { path: `fd ${args[0]}` });
    },
    async closeInParallel(...args) {
      call("closeInParallel", args);
      let unknown: number | undefined;
      for (const fd of args[0]) if (!openFds.delete(fd)) unknown ??= fd;
      if (unknown !== undefined) throw new SyscallError("close", EBADF, { path: `fd ${unknown}` });
    },
    statx(...args) {
      call("statx", args);
      return { ...DIRECTORY, ...options.stat?.(args[0], args[1]) };
    },
    readlinkat(...args) {
      call("readlinkat", args);
      const target = options.readlink?.(args[0], args[1]);
      if (target === undefined) throw new SyscallError("readlinkat", EINVAL, { path: args[1] });
      return target;
    },
    uniqueMountId(...args) {
      call("uniqueMountId", args);
      return options.uniqueMountId?.(args[0], args[1]) ?? 0;
    },
    listmount(...args) {
      call("listmount", args);
      const below = options.mounts?.listmount(args[0]);
      if (below === undefined)
        throw new SyscallError("listmount", ENOSYS, { path: `mount ${args[0]}` });
      const after = args[1] ?? 0;
      return below.filter((id) => id > after);
    },
    statmount(...args) {
      call("statmount", args);
      const st = options.mounts?.statmount(args[0]);
      if (st === undefined)
        throw new SyscallError("statmount", ENOSYS, { path: `mount ${args[0]}` });
      return st;
    },
    read(...args) {
      call("read", args);
      const text = options.reads?.(args[0]);
      if (text === undefined) throw new SyscallError("read", ENODATA, { path: `fd ${args[0]}` });
      return text;
    },
    mountInfo(...args) {
      call("mountInfo", args);
      const table = options.mountInfo;
      return typeof table === "function" ? table() : (table ?? "");
    },
    userNamespace: (...args) => newFd("userNamespace", args),
    fdPath(...args) {
      call("fdPath", args);
      return `/fake/proc/thread-self/fd/${args[0]}`;
    },
    uidMap(...args) {
      call("uidMap", args);
      return options.uidMap ?? "         0          0 4294967295\n";
    },
    readTextFile(...args) {
      call("readTextFile", args);
      const text = options.files?.[args[0]];
      if (text === undefined) throw new SyscallError("read", ENOENT, { path: args[0] });
      return text;
    },
    symlinkat: (...args) => call("symlinkat", args),
    fstatfs(...args) {
      call("fstatfs", args);
      return { flags: 0, type: 0 };
    },
    flock: (...args) => call("flock", args),
    getdents(...args) {
      call("getdents", args);
      return [];
    },
    mknodat: (...args) => call("mknodat", args),
    linkat: (...args) => call("linkat", args),
    fchownat: (...args) => call("fchownat", args),
    fchmodat: (...args) => call("fchmodat", args),
    utimensat: (...args) => call("utimensat", args),
    flistxattr(...args) {
      call("flistxattr", args);
      return [];
    },
    fgetxattr(...args) {
      call("fgetxattr", args);
      return new Uint8Array();
    },
    fsetxattr: (...args) => call("fsetxattr", args),
    mkdirat: (...args) => call("mkdirat", args),
    unlinkat: (...args) => call("unlinkat", args),
    mount: (...args) => call("mount", args),
    umount2: (...args) => call("umount2", args),
    moveMount: (...args) => call("moveMount", args),
    mountSetattr: (...args) => call("mountSetattr", args),
    fsconfig: (...args) => call("fsconfig", args),
    renameat2: (...args) => call("renameat2", args),
    setns: (...args) => call("setns", args),
    unshare: (...args) => call("unshare", args),
    statxMask(...args) {
      call("statxMask", args);
      return args[3];
    },
    hasSyscall(...args) {
      call("hasSyscall", args);
      return true;
    },
  };
}

const DIRECTORY: FileStat = {
  mode: S_IFDIR | 0o755,
  devMajor: 0,
  devMinor: 1,
  rdevMajor: 0,
  rdevMinor: 0,
  ino: 2n,
  uid: 0,
  gid: 0,
  mountId: 1,
  isMountRoot: false,
};
