/**
 * The one place that touches libc. Nothing is loaded at import time: `loadLibc()` dlopens
 * glibc's libc.so.6 on first use and caches the bindings for this thread's module instance.
 *
 * Calls without a glibc wrapper (openat2, the new mount API) go through libc's `syscall(3)`.
 * It is variadic, and we bind it as if it were not; that is sound here because:
 *  - on x86-64 and arm64 Linux, variadic integer and pointer arguments travel in exactly the
 *    registers fixed ones would (SysV AMD64 ABI 3.5.7; AAPCS64 on Linux, unlike Apple's);
 *  - glibc implements `syscall` in assembly (sysdeps/unix/sysv/linux/{x86_64,aarch64}/syscall.S)
 *    that only shuffles registers into the kernel's order: it never uses va_arg and never
 *    reads %al, the vector-register count a variadic caller would set;
 *  - every argument is bound as a full 64-bit value (i64 or a pointer), so no register
 *    carries undefined upper bits, and no call has more than 5 arguments (6 registers with
 *    the number), so nothing goes on the stack.
 * We chose this over a `cc` (TinyCC) shim returning -errno: no compiler at run time, no C
 * file to ship, and the errno read below is just as exact.
 *
 * errno: `__errno_location()` is called once; the thread-local address it returns is then
 * read with `read.i32` as the very next operation after a failing call, before any
 * allocation or other call that could run libc code and overwrite it (docs/KERNEL.md item 14).
 */
import type { FFITypeOrString, Library, Pointer } from "bun:ffi";

// bun:ffi is required when libc is first needed, never imported statically: a static import
// would make every importer load it, and would make plain Node fail at link time with a
// cryptic ERR_UNSUPPORTED_ESM_URL_SCHEME instead of requireBun.ts's message.
type BunFfi = typeof import("bun:ffi");

const i32 = "i32";
const i64 = "i64";
const u32 = "u32";
const u64 = "u64";
const ptr = "ptr";

const LIBC_SYMBOLS = {
  openat: { args: [i32, ptr, i32, u32], returns: i32 },
  close: { args: [i32], returns: i32 },
  mkdirat: { args: [i32, ptr, u32], returns: i32 },
  unlinkat: { args: [i32, ptr, i32], returns: i32 },
  readlinkat: { args: [i32, ptr, ptr, u64], returns: i32 },
  symlinkat: { args: [ptr, i32, ptr], returns: i32 },
  read: { args: [i32, ptr, u64], returns: i64 },
  statx: { args: [i32, ptr, i32, u32, ptr], returns: i32 },
  fstatfs: { args: [i32, ptr], returns: i32 },
  flock: { args: [i32, i32], returns: i32 },
  getdents64: { args: [i32, ptr, u64], returns: i64 },
  mknodat: { args: [i32, ptr, u32, u64], returns: i32 },
  linkat: { args: [i32, ptr, i32, ptr, i32], returns: i32 },
  fchownat: { args: [i32, ptr, u32, u32, i32], returns: i32 },
  fchmodat: { args: [i32, ptr, u32, i32], returns: i32 },
  utimensat: { args: [i32, ptr, ptr, i32], returns: i32 },
  flistxattr: { args: [i32, ptr, u64], returns: i64 },
  fgetxattr: { args: [i32, ptr, ptr, u64], returns: i64 },
  fsetxattr: { args: [i32, ptr, ptr, u64, i32], returns: i32 },
  mount: { args: [ptr, ptr, ptr, u64, ptr], returns: i32 },
  umount2: { args: [ptr, i32], returns: i32 },
  renameat2: { args: [i32, ptr, i32, ptr, u32], returns: i32 },
  setns: { args: [i32, i32], returns: i32 },
  unshare: { args: [i32], returns: i32 },
  syscall: { args: [], returns: i32 },
  __errno_location: { args: [], returns: ptr },
} as const;

/** `syscall(3)` bound once per argument shape; "p" is a pointer, "i" a 64-bit integer. */
const SYSCALL_SHAPES = {
  ipi: [i64, ptr, i64],
  iii: [i64, i64, i64],
  ippi: [i64, ptr, ptr, i64],
  ipipi: [i64, ptr, i64, ptr, i64],
  iippi: [i64, i64, ptr, ptr, i64],
  pi: [ptr, i64],
  ppii: [ptr, ptr, i64, i64],
} as const;

type Shape = keyof typeof SYSCALL_SHAPES;
type SyscallFn = (...args: Arg[]) => number;
type Arg = number | NodeJS.TypedArray | null;

/** The loaded bindings: glibc functions, `syscall(3)` by shape, and the errno reader. */
export interface Libc {
  fn: Library<typeof LIBC_SYMBOLS>["symbols"];
  /** `syscall(nr, ...args)`; returns the raw result (-1 on failure, then read `errno()`). */
  syscall(shape: Shape, nr: number, ...args: Arg[]): number;
  /** The calling thread's errno; call it first thing after a failed call. */
  errno(): number;
}

let loaded: Libc | undefined;

/** Loads libc on first use (glibc only) and returns the cached bindings. */
export function loadLibc(): Libc {
  loaded ??= bind();
  return loaded;
}

function bind(): Libc {
  const { CFunction, dlopen, read } = import.meta.require("bun:ffi") as BunFfi;
  const lib = dlopen("libc.so.6", LIBC_SYMBOLS);
  const errnoAddress = lib.symbols.__errno_location() as Pointer;
  // bun:ffi exposes each bound symbol's address as `.ptr` (not in its types).
  const address = (lib.symbols.syscall as unknown as { ptr: Pointer }).ptr;
  const bound = (rest: readonly FFITypeOrString[]): SyscallFn =>
    CFunction({ ptr: address, args: [i64, ...rest], returns: i32 }) as unknown as SyscallFn;
  const { ipi, iii, ippi, ipipi, iippi, pi, ppii } = SYSCALL_SHAPES;
  const shapes: Record<Shape, SyscallFn> = {
    ipi: bound(ipi),
    iii: bound(iii),
    ippi: bound(ippi),
    ipipi: bound(ipipi),
    iippi: bound(iippi),
    pi: bound(pi),
    ppii: bound(ppii),
  };
  return {
    fn: lib.symbols,
    syscall: (shape, nr, ...args) => shapes[shape](nr, ...args),
    errno: () => read.i32(errnoAddress),
  };
}
