import type { SpecWarning } from "@ocimount/oci-spec";

/**
 * A warning about the step `why` (`mounts[3]`, `linux.maskedPaths[0]`, `root.readonly`, or a
 * part of one such as `mounts[2]/cpu`), pointing at its config entry (`/mounts/3`); a part
 * leads the message (`cpu: ...`). The pointer is only ever in `path`.
 */
export function stepWarning(why: string, message: string): SpecWarning {
  const slash = why.indexOf("/");
  const entry = slash < 0 ? why : why.slice(0, slash);
  const path = `/${entry
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .join("/")}`;
  return { path, message: slash < 0 ? message : `${why.slice(slash + 1)}: ${message}` };
}
