import { describeMountOptions } from "@ocimount/mount-flags";
import type { Features } from "@ocimount/oci-spec";
import { VERSION } from "./version.ts";

/** The oldest and newest runtime-spec versions whose config.json ocimount reads. */
const OCI_VERSION_MIN = "1.0.0";
const OCI_VERSION_MAX = "1.3.0";

/**
 * ocimount's runtime-spec features document (features.md), as `runc features` prints one:
 * the spec versions it reads; the hooks it runs from a config (none: it can *be* a
 * createRuntime or createContainer hook, said in the annotations); every mount option it
 * recognizes (mount-flags' tables, sorted; others go to the filesystem as data); the namespace
 * its mounts go into (the mount namespace it runs in, or the container's for `hook`); and
 * whether idmapped mounts work on this kernel (`idmapEnabled`, from `probeKernelFeatures`).
 */
export function featuresDocument(idmapEnabled: boolean): Features {
  return {
    ociVersionMin: OCI_VERSION_MIN,
    ociVersionMax: OCI_VERSION_MAX,
    hooks: [],
    mountOptions: describeMountOptions()
      .map((row) => row.option)
      .sort(),
    linux: {
      namespaces: ["mount"],
      mountExtensions: { idmap: { enabled: idmapEnabled } },
    },
    annotations: {
      "org.ocimount.version": VERSION,
      "org.ocimount.hook.stages": "createRuntime,createContainer",
    },
  };
}
