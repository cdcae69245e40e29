import * as v from "valibot";
import { ArrayOfStrings, FilePath, MapStringString, patternString } from "./common.ts";
import { FileMode, Int64, Uint32 } from "./integers.ts";
import { jsonMap } from "./jsonMap.ts";
import { jsonObject } from "./jsonObject.ts";
import {
  MemoryPolicyFlagSchema,
  MemoryPolicyModeSchema,
  NamespaceTypeSchema,
  PersonalityDomainSchema,
  RootfsPropagationSchema,
} from "./linuxEnums.ts";
import { LinuxResourcesSchema } from "./linuxResources.ts";
import { LinuxSeccompSchema } from "./linuxSeccomp.ts";
import { IDMappingSchema } from "./mount.ts";

/** defs-linux.json `Device`: a device node to create in the container. */
export const LinuxDeviceSchema = jsonObject({
  type: patternString(/^[cbup]$/u),
  path: FilePath,
  fileMode: v.optional(FileMode),
  major: v.optional(Int64),
  minor: v.optional(Int64),
  uid: v.optional(Uint32),
  gid: v.optional(Uint32),
});

/** defs-linux.json `NamespaceReference`. */
export const LinuxNamespaceSchema = jsonObject({
  type: NamespaceTypeSchema,
  path: v.optional(FilePath),
});

const IntelRdt = jsonObject({
  closID: v.optional(v.string()),
  schemata: v.optional(ArrayOfStrings),
  l3CacheSchema: v.optional(v.string()),
  memBwSchema: v.optional(patternString(/^MB:[^\n]*$/u)),
  enableMonitoring: v.optional(v.boolean()),
});

const MemoryPolicy = jsonObject({
  mode: v.optional(MemoryPolicyModeSchema),
  nodes: v.optional(v.string()),
  flags: v.optional(v.array(MemoryPolicyFlagSchema)),
});

const Personality = jsonObject({
  domain: v.optional(PersonalityDomainSchema),
  flags: v.optional(ArrayOfStrings),
});

const TimeOffset = jsonObject({ secs: v.optional(Int64), nanosecs: v.optional(Uint32) });

/** config-linux.json `linux`: the Linux platform section. */
export const LinuxSchema = jsonObject({
  devices: v.optional(v.array(LinuxDeviceSchema)),
  netDevices: v.optional(jsonMap(jsonObject({ name: v.optional(v.string()) }))),
  uidMappings: v.optional(v.array(IDMappingSchema)),
  gidMappings: v.optional(v.array(IDMappingSchema)),
  namespaces: v.optional(v.array(LinuxNamespaceSchema)),
  resources: v.optional(LinuxResourcesSchema),
  cgroupsPath: v.optional(v.string()),
  rootfsPropagation: v.optional(RootfsPropagationSchema),
  seccomp: v.optional(LinuxSeccompSchema),
  sysctl: v.optional(MapStringString),
  maskedPaths: v.optional(ArrayOfStrings),
  readonlyPaths: v.optional(ArrayOfStrings),
  mountLabel: v.optional(v.string()),
  intelRdt: v.optional(IntelRdt),
  memoryPolicy: v.optional(MemoryPolicy),
  personality: v.optional(Personality),
  timeOffsets: v.optional(
    jsonObject({ boottime: v.optional(TimeOffset), monotonic: v.optional(TimeOffset) }),
  ),
});

/** The `linux` section of config.json. */
export type Linux = v.InferOutput<typeof LinuxSchema>;
/** One `linux.devices` entry. */
export type LinuxDevice = v.InferOutput<typeof LinuxDeviceSchema>;
/** One `linux.namespaces` entry. */
export type LinuxNamespace = v.InferOutput<typeof LinuxNamespaceSchema>;
