import * as v from "valibot";
import { Uint32, Uint64 } from "./integers.ts";
import { jsonObject } from "./jsonObject.ts";
import {
  SeccompActionSchema,
  SeccompArchSchema,
  SeccompFlagSchema,
  SeccompOperatorSchema,
} from "./linuxEnums.ts";

const SyscallArg = jsonObject({
  index: Uint32,
  value: Uint64,
  valueTwo: v.optional(Uint64),
  op: SeccompOperatorSchema,
});

const Syscall = jsonObject({
  names: v.pipe(v.array(v.string()), v.minLength(1)),
  action: SeccompActionSchema,
  errnoRet: v.optional(Uint32),
  args: v.optional(v.array(SyscallArg)),
});

/** config-linux.json `linux.seccomp`. */
export const LinuxSeccompSchema = jsonObject({
  defaultAction: SeccompActionSchema,
  defaultErrnoRet: v.optional(Uint32),
  flags: v.optional(v.array(SeccompFlagSchema)),
  listenerPath: v.optional(v.string()),
  listenerMetadata: v.optional(v.string()),
  architectures: v.optional(v.array(SeccompArchSchema)),
  syscalls: v.optional(v.array(Syscall)),
});

/** The `linux.seccomp` section of config.json. */
export type LinuxSeccomp = v.InferOutput<typeof LinuxSeccompSchema>;
