/**
 * Mount option names with a meaning of their own (mount(8) flags, propagation, recursive `r*`
 * forms, bind, idmap, tmpcopyup), the same names @ocimount/mount-flags parses: the `mountOptions`
 * runc reports in the runtime-spec v1.3.0 features fixture without `acl`/`noacl` (filesystem data
 * for the kernel), plus `idmap` and `ridmap`. Anything else is filesystem data. A local copy so this
 * package stays free of dependencies; `lintConfig` accepts a replacement predicate.
 */
export const KNOWN_MOUNT_OPTIONS: ReadonlySet<string> = new Set([
  ...["async", "atime", "bind", "defaults", "dev", "diratime", "dirsync", "exec"],
  ...["iversion", "lazytime", "loud", "mand", "noatime", "nodev", "nodiratime"],
  ...["noexec", "noiversion", "nolazytime", "nomand", "norelatime", "nostrictatime"],
  ...["nosuid", "nosymfollow", "private", "ratime", "rbind", "rdev", "rdiratime", "relatime"],
  ...["remount", "rexec", "rnoatime", "rnodev", "rnodiratime", "rnoexec", "rnorelatime"],
  ...["rnostrictatime", "rnosuid", "rnosymfollow", "ro", "rprivate", "rrelatime", "rro", "rrw"],
  ...["rshared", "rslave", "rstrictatime", "rsuid", "rsymfollow", "runbindable", "rw", "shared"],
  ...["silent", "slave", "strictatime", "suid", "symfollow", "sync", "tmpcopyup", "unbindable"],
  ...["idmap", "ridmap"],
]);

/** True when `option` is a known mount flag/propagation/bind option (not filesystem data). */
export function isKnownMountOption(option: string): boolean {
  return KNOWN_MOUNT_OPTIONS.has(option);
}
