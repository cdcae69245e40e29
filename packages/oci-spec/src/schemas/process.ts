import * as v from "valibot";
import { ArrayOfStrings, patternString } from "./common.ts";
import { Int32, Integer, Uint32, Uint64 } from "./integers.ts";
import { jsonObject } from "./jsonObject.ts";
import { SchedulerFlagSchema, SchedulerPolicySchema } from "./linuxEnums.ts";

const ConsoleSize = jsonObject({ height: Uint64, width: Uint64 });

const User = jsonObject({
  uid: v.optional(Uint32),
  gid: v.optional(Uint32),
  umask: v.optional(Uint32),
  additionalGids: v.optional(v.array(Uint32)),
  username: v.optional(v.string()),
});

const Capabilities = jsonObject({
  bounding: v.optional(ArrayOfStrings),
  permitted: v.optional(ArrayOfStrings),
  effective: v.optional(ArrayOfStrings),
  inheritable: v.optional(ArrayOfStrings),
  ambient: v.optional(ArrayOfStrings),
});

const IoPriority = jsonObject({
  class: v.picklist(["IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE"]),
  priority: v.optional(Int32),
});

const Scheduler = jsonObject({
  policy: SchedulerPolicySchema,
  nice: v.optional(Int32),
  priority: v.optional(Int32),
  flags: v.optional(v.array(SchedulerFlagSchema)),
  runtime: v.optional(Uint64),
  deadline: v.optional(Uint64),
  period: v.optional(Uint64),
});

const Rlimit = jsonObject({
  hard: Uint64,
  soft: Uint64,
  type: patternString(/^RLIMIT_[A-Z]+$/u),
});

const CpuList = patternString(/^[0-9, -]*$/u);

const ExecCPUAffinity = jsonObject({
  initial: v.optional(CpuList),
  final: v.optional(CpuList),
});

/** config `process`: the container process; only `cwd` is required by the schema. */
export const ProcessSchema = jsonObject({
  args: v.optional(ArrayOfStrings),
  commandLine: v.optional(v.string()),
  consoleSize: v.optional(ConsoleSize),
  cwd: v.string(),
  env: v.optional(ArrayOfStrings),
  terminal: v.optional(v.boolean()),
  user: v.optional(User),
  capabilities: v.optional(Capabilities),
  apparmorProfile: v.optional(v.string()),
  oomScoreAdj: v.optional(Integer),
  selinuxLabel: v.optional(v.string()),
  ioPriority: v.optional(IoPriority),
  noNewPrivileges: v.optional(v.boolean()),
  scheduler: v.optional(Scheduler),
  rlimits: v.optional(v.array(Rlimit)),
  execCPUAffinity: v.optional(ExecCPUAffinity),
});

/** The `process` section of config.json. */
export type Process = v.InferOutput<typeof ProcessSchema>;
