import * as v from "valibot";
import { jsonObject } from "./jsonObject.ts";

const OptionalString = v.optional(v.string());

const Anet = jsonObject({
  linkname: OptionalString,
  lowerLink: OptionalString,
  allowedAddress: OptionalString,
  configureAllowedAddress: OptionalString,
  defrouter: OptionalString,
  macAddress: OptionalString,
  linkProtection: OptionalString,
});

/** config-solaris.json `solaris`. */
export const SolarisSchema = jsonObject({
  milestone: OptionalString,
  limitpriv: OptionalString,
  maxShmMemory: OptionalString,
  cappedCPU: v.optional(jsonObject({ ncpus: OptionalString })),
  cappedMemory: v.optional(jsonObject({ physical: OptionalString, swap: OptionalString })),
  anet: v.optional(v.array(Anet)),
});

/** The `solaris` section of config.json. */
export type Solaris = v.InferOutput<typeof SolarisSchema>;
