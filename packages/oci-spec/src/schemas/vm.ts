import * as v from "valibot";
import { ArrayOfStrings, FilePath } from "./common.ts";
import { Uint32, Uint64 } from "./integers.ts";
import { jsonObject } from "./jsonObject.ts";

const IOMemEntry = jsonObject({
  firstGFN: v.optional(Uint64),
  firstMFN: Uint64,
  nrMFNs: Uint64,
});

const HwConfig = jsonObject({
  deviceTree: v.optional(FilePath),
  vcpus: v.optional(Uint32),
  memory: v.optional(Uint64),
  dtdevs: v.optional(ArrayOfStrings),
  // The released schema writes `items` as a one-element array (checks only the first element);
  // upstream meant, and later fixed it to, every element (runtime-spec 4361740b).
  iomems: v.optional(v.array(IOMemEntry)),
  irqs: v.optional(v.array(Uint32)),
});

/** config-vm.json `vm`: configuration for VM-based runtimes; `kernel` is required. */
export const VMSchema = jsonObject({
  hypervisor: v.optional(jsonObject({ path: FilePath, parameters: v.optional(ArrayOfStrings) })),
  kernel: jsonObject({
    path: FilePath,
    parameters: v.optional(ArrayOfStrings),
    initrd: v.optional(FilePath),
  }),
  image: v.optional(
    jsonObject({ path: FilePath, format: v.picklist(["raw", "qcow2", "vdi", "vmdk", "vhd"]) }),
  ),
  hwConfig: v.optional(HwConfig),
});

/** The `vm` section of config.json. */
export type VM = v.InferOutput<typeof VMSchema>;
