import { posix } from "node:path";
import { nearestMountOption, parseMountOptions } from "@ocimount/mount-flags";
import type { SpecMount } from "../configTypes.ts";
import { MountError } from "../errors.ts";
import type { BindStep, NewFsStep, StepOptions, StepTarget } from "./types.ts";

/**
 * The step for `mounts[index]`: a bind when the type is `bind` or the options say `bind`/`rbind`,
 * else a new filesystem of `type`. Throws `MountError` (`EINVALID`) for a bind without a source
 * or a filesystem mount without a type. Warnings (data on a bind, which the kernel ignores, so a
 * typo such as `nosiud` would silently drop a security option: each names the nearest known
 * option) are pushed onto `warnings`; with `strict` an unknown option on a bind is `EINVALID`.
 */
export function planMount(
  mount: SpecMount,
  index: number,
  bundleDir: string,
  target: StepTarget,
  warnings: string[],
  strict = false,
): BindStep | NewFsStep {
  const why = `mounts[${index}]`;
  const parsed = parseMountOptions(mount.options ?? []);
  // The parsed options are this mount's own object: add the mappings to it, no copy.
  const options: StepOptions = parsed;
  if (mount.uidMappings) options.uidMappings = mount.uidMappings;
  if (mount.gidMappings) options.gidMappings = mount.gidMappings;
  if ((parsed.idmap || parsed.recursiveIdmap) && !(mount.uidMappings && mount.gidMappings)) {
    throw new MountError({
      code: "EINVALID",
      op: "plan",
      where: why,
      detail: "idmap needs uidMappings and gidMappings",
    });
  }
  if (parsed.remount) warnings.push(`${why}: "remount" is ignored (setup makes new mounts)`);
  if (mount.type === "bind" || parsed.bind) {
    if (!mount.source) {
      throw new MountError({
        code: "EINVALID",
        op: "plan",
        where: why,
        target: target.path,
        detail: "bind mount without a source",
      });
    }
    for (const option of parsed.unknown) {
      const near = nearestMountOption(option);
      const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
      if (strict) {
        throw new MountError({
          code: "EINVALID",
          op: "plan",
          where: why,
          target: target.path,
          detail: `unknown option "${option}" on a bind mount, which would ignore it${hint} (--strict)`,
        });
      }
      warnings.push(`${why}: bind mounts ignore unknown option "${option}"${hint}`);
    }
    const source = posix.isAbsolute(mount.source)
      ? posix.normalize(mount.source)
      : posix.join(bundleDir, mount.source);
    return { kind: "bind", why, source, recursive: parsed.recursiveBind, target, options };
  }
  if (!mount.type || mount.type === "none") {
    throw new MountError({
      code: "EINVALID",
      op: "plan",
      where: why,
      target: target.path,
      detail: "no filesystem type and no bind option",
    });
  }
  if (parsed.tmpcopyup && mount.type !== "tmpfs") {
    warnings.push(`${why}: tmpcopyup only applies to tmpfs; ignored for ${mount.type}`);
    options.tmpcopyup = false;
  }
  return { kind: "new-fs", why, fsType: mount.type, source: mount.source, target, options };
}
