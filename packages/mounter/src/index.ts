export { errnoName } from "./errnoName.ts";
export { errnoText } from "./sys/errnoText.ts";
export { createSyscalls } from "./sys/ffi.ts";
export type { SyscallContext } from "./sys/SyscallError.ts";
export { SyscallError } from "./sys/SyscallError.ts";
export type { FileStat, FsStat, MountAttr, OpenHow, Syscalls } from "./sys/Syscalls.ts";
