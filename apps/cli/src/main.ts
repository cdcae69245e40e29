import { defineCommand } from "citty";
import { COMMANDS } from "./commandTable.ts";
import { VERSION } from "./version.ts";

/**
 * The root `ocimount` command. Each subcommand is a lazy loader, so only the module of the
 * command being run is imported.
 */
export const main = defineCommand({
  meta: {
    name: "ocimount",
    version: VERSION,
    description: "Set up and tear down the mounts of an OCI container bundle.",
  },
  subCommands: Object.fromEntries(
    COMMANDS.map((c) => [c.name, () => c.load().then((m) => m.default)]),
  ),
});
