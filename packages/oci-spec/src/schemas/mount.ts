import * as v from "valibot";
import { ArrayOfStrings, FilePath } from "./common.ts";
import { Uint32 } from "./integers.ts";
import { jsonObject } from "./jsonObject.ts";

/** defs.json `IDMapping`: a uid/gid range mapping. */
export const IDMappingSchema = jsonObject({
  containerID: Uint32,
  hostID: Uint32,
  size: Uint32,
});

/** defs.json `Mount`: only `destination` is required. */
export const MountSchema = jsonObject({
  source: v.optional(FilePath),
  destination: FilePath,
  options: v.optional(ArrayOfStrings),
  type: v.optional(v.string()),
  uidMappings: v.optional(v.array(IDMappingSchema)),
  gidMappings: v.optional(v.array(IDMappingSchema)),
});

/** A uid/gid range mapping (`linux.uidMappings[i]`, `mounts[i].uidMappings[j]`). */
export type IDMapping = v.InferOutput<typeof IDMappingSchema>;
/** One entry of `mounts`. */
export type Mount = v.InferOutput<typeof MountSchema>;
