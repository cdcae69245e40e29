const NAMES: Readonly<Record<number, string>> = {
  1: "EPERM",
  2: "ENOENT",
  13: "EACCES",
  16: "EBUSY",
  17: "EEXIST",
  20: "ENOTDIR",
  22: "EINVAL",
  38: "ENOSYS",
  40: "ELOOP",
};

/** The symbolic name of a Linux errno value (`2` is `ENOENT`); unknown values print as `E<n>`. */
export function errnoName(errno: number): string {
  return NAMES[errno] ?? `E${errno}`;
}
