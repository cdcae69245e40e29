import { posix } from "node:path";
import { nearestMountOption, parseMountOptions } from "@ocimount/mount-flags";
import type { SpecWarning } from "@ocimount/oci-spec";
import type { SpecMount } from "../configTypes.ts";
import { MountError } from "../errors.ts";
import type { BindStep, NewFsStep, StepOptions, StepTarget } from "./types.ts";

/**
 * The step for `mounts[index]` of a config `checkBundle` accepted (a bind has a source, anything
 * else a type, idmap its mappings): a bind when the type is `bind` or the options say
 * `bind`/`rbind`, else a new filesystem of `type`. The planner's own warnings (an ignored
 * `remount`, `tmpcopyup` off tmpfs) are pushed onto `warnings`; data on a bind is `lintConfig`'s
 * to warn about, and with `strict` it is `EINVALID` here (the kernel ignores it, so a typo such
 * as `nosiud` would silently drop a security option: the error names the nearest known option).
 */
export function planMount(
  mount: SpecMount,
  index: number,
  bundleDir: string,
  target: StepTarget,
  warnings: SpecWarning[],
  strict = false,
): BindStep | NewFsStep {
  const why = `mounts[${index}]`;
  const optionsPath = `/mounts/${index}/options`;
  const parsed = parseMountOptions(mount.options ?? []);
  // The parsed options are this mount's own object: add the mappings to it, no copy.
  const options: StepOptions = parsed;
  if (mount.uidMappings) options.uidMappings = mount.uidMappings;
  if (mount.gidMappings) options.gidMappings = mount.gidMappings;
  if (parsed.remount) {
    warnings.push({ path: optionsPath, message: '"remount" is ignored (setup makes new mounts)' });
  }
  if (mount.type === "bind" || parsed.bind) {
    const option = strict ? parsed.unknown[0] : undefined;
    if (option !== undefined) {
      const near = nearestMountOption(option);
      const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
      throw new MountError({
        code: "EINVALID",
        op: "plan",
        where: why,
        target: target.path,
        detail: `unknown option "${option}" on a bind mount, which would ignore it${hint} (--strict)`,
      });
    }
    const given = mount.source as string;
    const source = posix.isAbsolute(given) ? posix.normalize(given) : posix.join(bundleDir, given);
    return { kind: "bind", why, source, recursive: parsed.recursiveBind, target, options };
  }
  const fsType = mount.type as string;
  if (parsed.tmpcopyup && fsType !== "tmpfs") {
    const message = `tmpcopyup only applies to tmpfs; ignored for ${fsType}`;
    warnings.push({ path: optionsPath, message });
    options.tmpcopyup = false;
  }
  return { kind: "new-fs", why, fsType, source: mount.source, target, options };
}
