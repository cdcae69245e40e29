import * as v from "valibot";
import { MapStringString, patternString } from "./common.ts";
import { Int64, Uint16, Uint32, Uint64 } from "./integers.ts";
import { jsonMap } from "./jsonMap.ts";
import { jsonObject } from "./jsonObject.ts";

const DeviceCgroup = jsonObject({
  allow: v.boolean(),
  type: v.optional(v.string()),
  major: v.optional(Int64),
  minor: v.optional(Int64),
  access: v.optional(v.string()),
});

// blockIODeviceWeight / blockIODeviceThrottle are `allOf` blockIODevice + extra properties; all
// parts are open objects, so the merged object is equivalent.
const BlockIODeviceWeight = jsonObject({
  major: Int64,
  minor: Int64,
  weight: v.optional(Uint16),
  leafWeight: v.optional(Uint16),
});

const BlockIODeviceThrottle = jsonObject({ major: Int64, minor: Int64, rate: v.optional(Uint64) });

const BlockIO = jsonObject({
  weight: v.optional(Uint16),
  leafWeight: v.optional(Uint16),
  throttleReadBpsDevice: v.optional(v.array(BlockIODeviceThrottle)),
  throttleWriteBpsDevice: v.optional(v.array(BlockIODeviceThrottle)),
  throttleReadIOPSDevice: v.optional(v.array(BlockIODeviceThrottle)),
  throttleWriteIOPSDevice: v.optional(v.array(BlockIODeviceThrottle)),
  weightDevice: v.optional(v.array(BlockIODeviceWeight)),
});

const Cpu = jsonObject({
  cpus: v.optional(v.string()),
  mems: v.optional(v.string()),
  period: v.optional(Uint64),
  quota: v.optional(Int64),
  burst: v.optional(Uint64),
  realtimePeriod: v.optional(Uint64),
  realtimeRuntime: v.optional(Int64),
  shares: v.optional(Uint64),
  idle: v.optional(Int64),
});

const HugepageLimit = jsonObject({
  pageSize: patternString(/^[1-9][0-9]*[KMG]B$/u),
  limit: Uint64,
});

const Memory = jsonObject({
  kernel: v.optional(Int64),
  kernelTCP: v.optional(Int64),
  limit: v.optional(Int64),
  reservation: v.optional(Int64),
  swap: v.optional(Int64),
  swappiness: v.optional(Uint64),
  disableOOMKiller: v.optional(v.boolean()),
  useHierarchy: v.optional(v.boolean()),
  checkBeforeUpdate: v.optional(v.boolean()),
});

const NetworkInterfacePriority = jsonObject({ name: v.string(), priority: Uint32 });

const Network = jsonObject({
  classID: v.optional(Uint32),
  priorities: v.optional(v.array(NetworkInterfacePriority)),
});

const Rdma = jsonObject({ hcaHandles: v.optional(Uint32), hcaObjects: v.optional(Uint32) });

/** config-linux.json `linux.resources`: every cgroup controller of the spec. */
export const LinuxResourcesSchema = jsonObject({
  unified: v.optional(MapStringString),
  devices: v.optional(v.array(DeviceCgroup)),
  pids: v.optional(jsonObject({ limit: Int64 })),
  blockIO: v.optional(BlockIO),
  cpu: v.optional(Cpu),
  hugepageLimits: v.optional(v.array(HugepageLimit)),
  memory: v.optional(Memory),
  network: v.optional(Network),
  rdma: v.optional(jsonMap(Rdma)),
});

/** The `linux.resources` section of config.json. */
export type LinuxResources = v.InferOutput<typeof LinuxResourcesSchema>;
