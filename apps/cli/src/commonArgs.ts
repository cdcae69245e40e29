/** `--bundle DIR`: the bundle directory, the current directory by default (as in runc). */
export const bundleArg = {
  type: "string",
  description: "The bundle directory (holds config.json)",
  valueHint: "DIR",
  default: ".",
} as const;

/** `--state-dir DIR`: where setup keeps its journal. */
export const stateDirArg = {
  type: "string",
  description: "Where the mount journal is kept (default /run/ocimount)",
  valueHint: "DIR",
} as const;

/** `--json`: machine-readable output on stdout. */
export const jsonArg = {
  type: "boolean",
  description: 'Print JSON on stdout (errors too, as {"error": {...}})',
} as const;

/** `--strict`: unknown options on bind mounts (ignored by the kernel) are an error, not a warning. */
export const strictArg = {
  type: "boolean",
  description: "Refuse unknown options on bind mounts (the kernel ignores them) instead of warning",
} as const;
