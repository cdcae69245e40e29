/**
 * The part of an OCI runtime-spec `config.json` the mounter reads, with the spec's field names.
 * A structural subset of `Spec` from `@ocimount/oci-spec`, so a validated `Spec` is accepted as is.
 */

/** One uid or gid mapping (`linux.uidMappings[i]`, `mounts[i].uidMappings[i]`). */
export interface IdMapping {
  containerID: number;
  hostID: number;
  size: number;
}

/** `mounts[i]`. */
export interface SpecMount {
  destination: string;
  source?: string;
  type?: string;
  options?: string[];
  uidMappings?: IdMapping[];
  gidMappings?: IdMapping[];
}

/** The config fields the mounter uses. */
export interface MountConfig {
  root?: { path: string; readonly?: boolean };
  mounts?: SpecMount[];
  linux?: {
    maskedPaths?: string[];
    readonlyPaths?: string[];
    rootfsPropagation?: string;
  };
}
