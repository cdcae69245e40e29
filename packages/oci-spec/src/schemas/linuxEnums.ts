import * as v from "valibot";

/** defs-linux.json `RootfsPropagation` (the `r`-prefixed forms are mount options, not values). */
export const RootfsPropagationSchema = v.picklist(["private", "shared", "slave", "unbindable"]);

/** defs-linux.json `NamespaceType`. */
export const NamespaceTypeSchema = v.picklist([
  "mount",
  "pid",
  "network",
  "uts",
  "ipc",
  "user",
  "cgroup",
  "time",
]);

/** defs-linux.json `SeccompArch`. */
export const SeccompArchSchema = v.picklist([
  "SCMP_ARCH_X86",
  "SCMP_ARCH_X86_64",
  "SCMP_ARCH_X32",
  "SCMP_ARCH_ARM",
  "SCMP_ARCH_AARCH64",
  "SCMP_ARCH_LOONGARCH64",
  "SCMP_ARCH_M68K",
  "SCMP_ARCH_MIPS",
  "SCMP_ARCH_MIPS64",
  "SCMP_ARCH_MIPS64N32",
  "SCMP_ARCH_MIPSEL",
  "SCMP_ARCH_MIPSEL64",
  "SCMP_ARCH_MIPSEL64N32",
  "SCMP_ARCH_PPC",
  "SCMP_ARCH_PPC64",
  "SCMP_ARCH_PPC64LE",
  "SCMP_ARCH_S390",
  "SCMP_ARCH_S390X",
  "SCMP_ARCH_SH",
  "SCMP_ARCH_SHEB",
  "SCMP_ARCH_PARISC",
  "SCMP_ARCH_PARISC64",
  "SCMP_ARCH_RISCV64",
]);

/** defs-linux.json `SeccompAction`. */
export const SeccompActionSchema = v.picklist([
  "SCMP_ACT_KILL",
  "SCMP_ACT_KILL_PROCESS",
  "SCMP_ACT_KILL_THREAD",
  "SCMP_ACT_TRAP",
  "SCMP_ACT_ERRNO",
  "SCMP_ACT_TRACE",
  "SCMP_ACT_ALLOW",
  "SCMP_ACT_LOG",
  "SCMP_ACT_NOTIFY",
]);

/** defs-linux.json `SeccompFlag`. */
export const SeccompFlagSchema = v.picklist([
  "SECCOMP_FILTER_FLAG_TSYNC",
  "SECCOMP_FILTER_FLAG_LOG",
  "SECCOMP_FILTER_FLAG_SPEC_ALLOW",
  "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV",
]);

/** defs-linux.json `SeccompOperators`. */
export const SeccompOperatorSchema = v.picklist([
  "SCMP_CMP_NE",
  "SCMP_CMP_LT",
  "SCMP_CMP_LE",
  "SCMP_CMP_EQ",
  "SCMP_CMP_GE",
  "SCMP_CMP_GT",
  "SCMP_CMP_MASKED_EQ",
]);

/** defs-linux.json `MemoryPolicyMode`. */
export const MemoryPolicyModeSchema = v.picklist([
  "MPOL_DEFAULT",
  "MPOL_BIND",
  "MPOL_INTERLEAVE",
  "MPOL_WEIGHTED_INTERLEAVE",
  "MPOL_PREFERRED",
  "MPOL_PREFERRED_MANY",
  "MPOL_LOCAL",
]);

/** defs-linux.json `MemoryPolicyFlag`. */
export const MemoryPolicyFlagSchema = v.picklist([
  "MPOL_F_NUMA_BALANCING",
  "MPOL_F_RELATIVE_NODES",
  "MPOL_F_STATIC_NODES",
]);

/** defs-linux.json `SchedulerPolicy`. */
export const SchedulerPolicySchema = v.picklist([
  "SCHED_OTHER",
  "SCHED_FIFO",
  "SCHED_RR",
  "SCHED_BATCH",
  "SCHED_ISO",
  "SCHED_IDLE",
  "SCHED_DEADLINE",
]);

/** defs-linux.json `SchedulerFlag`. */
export const SchedulerFlagSchema = v.picklist([
  "SCHED_FLAG_RESET_ON_FORK",
  "SCHED_FLAG_RECLAIM",
  "SCHED_FLAG_DL_OVERRUN",
  "SCHED_FLAG_KEEP_POLICY",
  "SCHED_FLAG_KEEP_PARAMS",
  "SCHED_FLAG_UTIL_CLAMP_MIN",
  "SCHED_FLAG_UTIL_CLAMP_MAX",
]);

/** defs-linux.json `PersonalityDomain`. */
export const PersonalityDomainSchema = v.picklist(["LINUX", "LINUX32"]);
