import { defineCommand } from "citty";
import { VERSION } from "./version.ts";

/** The root `ocimount` command; subcommands are added as the packages behind them land. */
export const main = defineCommand({
  meta: {
    name: "ocimount",
    version: VERSION,
    description: "Set up and tear down the mounts of an OCI container bundle.",
  },
  subCommands: {},
});
