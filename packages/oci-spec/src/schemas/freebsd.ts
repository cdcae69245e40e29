import * as v from "valibot";
import { ArrayOfStrings } from "./common.ts";
import { FileMode, Uint8 } from "./integers.ts";
import { jsonObject } from "./jsonObject.ts";

const SharingMode = v.picklist(["disable", "new", "inherit"]);
const SharingModeNoDisable = v.picklist(["new", "inherit"]);

const Device = jsonObject({ path: v.optional(v.string()), mode: v.optional(FileMode) });

const JailAllow = jsonObject({
  setHostname: v.optional(v.boolean()),
  rawSockets: v.optional(v.boolean()),
  chflags: v.optional(v.boolean()),
  mount: v.optional(ArrayOfStrings),
  quotas: v.optional(v.boolean()),
  socketAf: v.optional(v.boolean()),
  mlock: v.optional(v.boolean()),
  reservedPorts: v.optional(v.boolean()),
  suser: v.optional(v.boolean()),
});

const Jail = jsonObject({
  parent: v.optional(v.string()),
  host: v.optional(SharingModeNoDisable),
  ip4: v.optional(SharingMode),
  ip4Addr: v.optional(ArrayOfStrings),
  ip6: v.optional(SharingMode),
  ip6Addr: v.optional(ArrayOfStrings),
  vnet: v.optional(SharingModeNoDisable),
  interface: v.optional(v.string()),
  vnetInterfaces: v.optional(ArrayOfStrings),
  sysvmsg: v.optional(SharingMode),
  sysvsem: v.optional(SharingMode),
  sysvshm: v.optional(SharingMode),
  enforceStatfs: v.optional(Uint8),
  allow: v.optional(JailAllow),
});

/** config-freebsd.json `freebsd`. */
export const FreeBSDSchema = jsonObject({
  devices: v.optional(v.array(Device)),
  jail: v.optional(Jail),
});

/** The `freebsd` section of config.json. */
export type FreeBSD = v.InferOutput<typeof FreeBSDSchema>;
