import * as v from "valibot";
import { FilePath, MapStringString } from "./common.ts";
import { FreeBSDSchema } from "./freebsd.ts";
import { HooksSchema } from "./hooks.ts";
import { jsonObject } from "./jsonObject.ts";
import { LinuxSchema } from "./linux.ts";
import { MountSchema } from "./mount.ts";
import { ProcessSchema } from "./process.ts";
import { SolarisSchema } from "./solaris.ts";
import { VMSchema } from "./vm.ts";
import { WindowsSchema } from "./windows.ts";
import { ZOSSchema } from "./zos.ts";

/** config `root`: the container's root filesystem. */
export const RootSchema = jsonObject({
  path: FilePath,
  readonly: v.optional(v.boolean()),
});

/**
 * config-schema.json: a bundle's `config.json`. Only `ociVersion` (any string) is required;
 * unknown fields are allowed and kept.
 */
export const SpecSchema = jsonObject({
  ociVersion: v.string(),
  hooks: v.optional(HooksSchema),
  annotations: v.optional(MapStringString),
  hostname: v.optional(v.string()),
  domainname: v.optional(v.string()),
  mounts: v.optional(v.array(MountSchema)),
  root: v.optional(RootSchema),
  process: v.optional(ProcessSchema),
  linux: v.optional(LinuxSchema),
  solaris: v.optional(SolarisSchema),
  windows: v.optional(WindowsSchema),
  vm: v.optional(VMSchema),
  zos: v.optional(ZOSSchema),
  freebsd: v.optional(FreeBSDSchema),
});

/** A validated `config.json`. */
export type Spec = v.InferOutput<typeof SpecSchema>;
/** The `root` section of config.json. */
export type Root = v.InferOutput<typeof RootSchema>;
