import { type ArgsDef, renderUsage } from "citty";
import { stripAnsi } from "./color.ts";
import { COMMANDS, type CommandModule } from "./commandTable.ts";
import { main } from "./main.ts";
import { textTable } from "./textTable.ts";
import { VERSION } from "./version.ts";

const EXIT_CODES = [
  "EXIT STATUS",
  "",
  "  0  success",
  "  1  the operation failed or the input is invalid",
  "  2  usage error (unknown command or option, missing argument)",
];

/** `ocimount --help`, built from the command table alone (no command module is loaded). */
export function rootHelp(): string {
  const rows = COMMANDS.map((c) => [`  ${c.name}`, c.summary]);
  return [
    `Set up and tear down the mounts of an OCI container bundle (ocimount v${VERSION})`,
    "",
    "USAGE ocimount <command> [OPTIONS] [--] [ARGS...]",
    "",
    "COMMANDS",
    "",
    ...textTable(rows),
    "",
    "EXAMPLE",
    "",
    "  ocimount validate ./bundle && ocimount plan --bundle ./bundle",
    "",
    ...EXIT_CODES,
    "",
    "Use 'ocimount help <command>' or 'ocimount <command> --help' for more about a command.",
  ].join("\n");
}

/** `ocimount <command> --help`: citty's usage text plus examples and exit statuses. */
export async function commandHelp(mod: CommandModule, color: boolean): Promise<string> {
  const args = mod.default.args;
  const defs: ArgsDef = (await (typeof args === "function" ? args() : args)) ?? {};
  let usage = await renderUsage(mod.default, main);
  // Our positionals are variadic; citty shows them as one optional argument.
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === "positional")
      usage = usage.replace(`[${name.toUpperCase()}]`, `[--] ${name.toUpperCase()}...`);
  }
  const text = [usage, "EXAMPLES", "", ...mod.examples.map((e) => `  ${e}`), "", ...EXIT_CODES]
    .join("\n")
    .replace(/[ \t]+$/gm, "");
  return color ? text : stripAnsi(text);
}
