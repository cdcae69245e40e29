import * as v from "valibot";
import { ArrayOfStrings, MapStringString, patternString } from "./common.ts";
import { jsonObject } from "./jsonObject.ts";
import {
  NamespaceTypeSchema,
  SeccompActionSchema,
  SeccompArchSchema,
  SeccompFlagSchema,
  SeccompOperatorSchema,
} from "./linuxEnums.ts";

const OptionalBoolean = v.optional(v.boolean());
const Enabled = jsonObject({ enabled: OptionalBoolean });

const Seccomp = jsonObject({
  enabled: OptionalBoolean,
  actions: v.optional(v.array(SeccompActionSchema)),
  operators: v.optional(v.array(SeccompOperatorSchema)),
  archs: v.optional(v.array(SeccompArchSchema)),
  knownFlags: v.optional(v.array(SeccompFlagSchema)),
  supportedFlags: v.optional(v.array(SeccompFlagSchema)),
});

const LinuxFeatures = jsonObject({
  namespaces: v.optional(v.array(NamespaceTypeSchema)),
  capabilities: v.optional(v.array(patternString(/^CAP_[A-Z_]+$/u))),
  cgroup: v.optional(
    jsonObject({
      v1: OptionalBoolean,
      v2: OptionalBoolean,
      systemd: OptionalBoolean,
      systemdUser: OptionalBoolean,
      rdma: OptionalBoolean,
    }),
  ),
  seccomp: v.optional(Seccomp),
  apparmor: v.optional(Enabled),
  selinux: v.optional(Enabled),
  intelRdt: v.optional(Enabled),
  mountExtensions: v.optional(jsonObject({ idmap: v.optional(Enabled) })),
  netDevices: v.optional(Enabled),
});

/** features-schema.json: what a runtime implementation supports. */
export const FeaturesSchema = jsonObject({
  ociVersionMin: v.string(),
  ociVersionMax: v.string(),
  hooks: v.optional(ArrayOfStrings),
  mountOptions: v.optional(ArrayOfStrings),
  annotations: v.optional(MapStringString),
  potentiallyUnsafeConfigAnnotations: v.optional(ArrayOfStrings),
  linux: v.optional(LinuxFeatures),
});

/** A validated features document. */
export type Features = v.InferOutput<typeof FeaturesSchema>;
