import * as v from "valibot";
import { ArrayOfStrings, FilePath } from "./common.ts";
import { Uint16, Uint32, Uint64 } from "./integers.ts";
import { jsonObject } from "./jsonObject.ts";

const Device = jsonObject({ id: v.string(), idType: v.picklist(["class"]) });

const Cpu = jsonObject({
  count: v.optional(Uint64),
  shares: v.optional(Uint16),
  maximum: v.optional(Uint16),
  affinity: v.optional(jsonObject({ mask: v.optional(Uint64), group: v.optional(Uint32) })),
});

const Resources = jsonObject({
  memory: v.optional(jsonObject({ limit: v.optional(Uint64) })),
  cpu: v.optional(Cpu),
  storage: v.optional(
    jsonObject({
      iops: v.optional(Uint64),
      bps: v.optional(Uint64),
      sandboxSize: v.optional(Uint64),
    }),
  ),
});

const Network = jsonObject({
  endpointList: v.optional(ArrayOfStrings),
  allowUnqualifiedDNSQuery: v.optional(v.boolean()),
  DNSSearchList: v.optional(ArrayOfStrings),
  networkSharedContainerName: v.optional(v.string()),
  networkNamespace: v.optional(v.string()),
});

/** config-windows.json `windows`; `layerFolders` (at least one) is required. */
export const WindowsSchema = jsonObject({
  layerFolders: v.pipe(v.array(FilePath), v.minLength(1)),
  devices: v.optional(v.array(Device)),
  resources: v.optional(Resources),
  network: v.optional(Network),
  credentialSpec: v.optional(jsonObject({})),
  servicing: v.optional(v.boolean()),
  ignoreFlushesDuringBoot: v.optional(v.boolean()),
  hyperv: v.optional(jsonObject({ utilityVMPath: v.optional(v.string()) })),
});

/** The `windows` section of config.json. */
export type Windows = v.InferOutput<typeof WindowsSchema>;
