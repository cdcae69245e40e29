import { defineCommand } from "citty";
import { COMMANDS, findCommand } from "../commandTable.ts";
import { suggestion } from "../didYouMean.ts";
import { output } from "../Output.ts";
import { commandHelp, rootHelp } from "../renderHelp.ts";
import { UsageError } from "../UsageError.ts";

/** Example invocations for `ocimount help --help`. */
export const examples = ["ocimount help setup", "ocimount help"];

/**
 * `ocimount help [COMMAND]`: the same text as `ocimount COMMAND --help` (or `ocimount --help`
 * without COMMAND). An unknown COMMAND is a usage error with a did-you-mean.
 */
export default defineCommand({
  meta: { name: "help", description: "Show the help of a command" },
  args: {
    command: { type: "positional", required: false, description: "The command to explain" },
  },
  async run({ args }) {
    const out = output();
    const [name, extra] = args._;
    if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
    if (name === undefined) {
      out.out(rootHelp());
      return;
    }
    const entry = findCommand(name);
    if (!entry) {
      const names = COMMANDS.map((c) => c.name);
      throw new UsageError(`unknown command '${name}'${suggestion(name, names)}`);
    }
    out.out(await commandHelp(await entry.load(), out.color));
  },
});
