import type { CommandDef } from "citty";

/** What each `src/commands/<name>.ts` module exports. */
export interface CommandModule {
  // biome-ignore lint/suspicious/noExplicitAny: citty's CommandDef is generic over each command's own args.
  default: CommandDef<any>;
  /** Example invocations shown under `--help`. */
  examples: readonly string[];
}

/** One subcommand: its name, a one-line summary for `ocimount --help`, and its lazy loader. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandModule>;
}

/**
 * Every `ocimount` subcommand, in help order. Modules are imported only when their command
 * runs, so `ocimount flags ro` never loads the mounter (or libc).
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "setup",
    summary: "Mount everything the bundle's config.json asks for, inside its rootfs",
    load: () => import("./commands/setup.ts"),
  },
  {
    name: "teardown",
    summary: "Unmount what setup mounted, from its journal, in reverse",
    load: () => import("./commands/teardown.ts"),
  },
  {
    name: "plan",
    summary: "Show the ordered mount steps setup would take; mounts nothing",
    load: () => import("./commands/plan.ts"),
  },
  {
    name: "status",
    summary: "Show each spec mount as mounted, missing or changed",
    load: () => import("./commands/status.ts"),
  },
  {
    name: "list",
    summary: "List every journal in the state dir, with its bundle, namespace and state",
    load: () => import("./commands/list.ts"),
  },
  {
    name: "hook",
    summary: "As an OCI createRuntime/createContainer hook: add mounts inside the container",
    load: () => import("./commands/hook.ts"),
  },
  {
    name: "install-hook",
    summary: "Install the executable and its podman/CRI-O hooks.d file (--uninstall removes both)",
    load: () => import("./commands/installHook.ts"),
  },
  {
    name: "validate",
    summary: "Check config.json, state or features documents against the runtime-spec",
    load: () => import("./commands/validate.ts"),
  },
  {
    name: "resolve",
    summary: "Resolve paths inside a root as the kernel would under chroot",
    load: () => import("./commands/resolve.ts"),
  },
  {
    name: "flags",
    summary: "Show how mount options parse into MS_* flags, propagation and attributes",
    load: () => import("./commands/flags.ts"),
  },
  {
    name: "features",
    summary: "Print the runtime-spec features document (mount options, idmap...), as runc features",
    load: () => import("./commands/features.ts"),
  },
  {
    name: "version",
    summary: "Show the versions of ocimount, Bun and the kernel, and the kernel features found",
    load: () => import("./commands/version.ts"),
  },
  {
    name: "help",
    summary: "Show the help of a command (as 'ocimount <command> --help')",
    load: () => import("./commands/help.ts"),
  },
];

/** The entry for `name`, or undefined. */
export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
