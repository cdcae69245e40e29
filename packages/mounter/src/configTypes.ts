/**
 * The part of an OCI runtime-spec `config.json` the mounter reads. The field types come from
 * `@ocimount/oci-spec`, so a validated `Spec` is accepted as is; only `root`, `mounts` and three
 * `linux` fields are required to be there (tests and callers can pass a partial config).
 */
import type { IDMapping, Linux, Mount, Root } from "@ocimount/oci-spec";

/** One uid or gid mapping (`mounts[i].uidMappings[j]`): `containerID hostID size`. */
export type IdMapping = IDMapping;

/** `mounts[i]`, as the runtime-spec defines it. */
export type SpecMount = Mount;

/** The config fields the mounter uses. */
export interface MountConfig {
  root?: Root;
  mounts?: readonly SpecMount[] | undefined;
  /** `rootfsPropagation` is any string here: the spec's four words, plus the `r` forms runc accepts. */
  linux?:
    | (Pick<Linux, "maskedPaths" | "readonlyPaths"> & { rootfsPropagation?: string | undefined })
    | undefined;
}
