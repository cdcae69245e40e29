import { nearestMountOption } from "@ocimount/mount-flags";
import type { Mount } from "../schemas/mount.ts";
import { isBindMount } from "./isBindMount.ts";
import type { SpecWarning } from "./SpecWarning.ts";

/** `nosiud (did you mean nosuid?)`: a typo on a bind silently drops a security option. */
function withNearest(option: string): string {
  const near = nearestMountOption(option);
  return near === undefined ? option : `${option} (did you mean ${near}?)`;
}

/** Warnings for `mounts[index]`; see `lintConfig`. */
export function lintMount(
  mount: Mount,
  index: number,
  isKnownOption: (option: string) => boolean,
): SpecWarning[] {
  const at = `/mounts/${index}`;
  const warnings: SpecWarning[] = [];
  if (!mount.destination.startsWith("/")) {
    warnings.push({
      path: `${at}/destination`,
      message: `relative destination "${mount.destination}" is deprecated; it is interpreted relative to "/"`,
    });
  }
  const options = mount.options ?? [];
  const odd = options.filter((o) => o === "" || o.includes(","));
  if (odd.length > 0) {
    warnings.push({
      path: `${at}/options`,
      message: `options that are empty or contain "," are ambiguous: ${JSON.stringify(odd)}`,
    });
  }
  const data = options.filter((o) => o !== "" && !o.includes(",") && !isKnownOption(o));
  if (isBindMount(mount) && data.length > 0) {
    warnings.push({
      path: `${at}/options`,
      message: `bind mount with unknown or filesystem data options, which a bind mount ignores: ${data.map(withNearest).join(", ")}`,
    });
  }
  for (const option of data) {
    const lower = option.toLowerCase();
    if (lower !== option && isKnownOption(lower)) {
      warnings.push({
        path: `${at}/options`,
        message: `unknown mount option "${option}" (options are case-sensitive: "${lower}"?); it is passed to the filesystem as data`,
      });
    }
  }
  return warnings;
}
