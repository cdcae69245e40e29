import { isOcimountError } from "@ocimount/mount-flags/errors";
import { COMMANDS, findCommand } from "./commandTable.ts";
import { suggestion } from "./didYouMean.ts";
import { describeError } from "./errors.ts";
import { jsonDocument } from "./jsonVersion.ts";
import { type Output, output } from "./Output.ts";
import { outputStatus } from "./outputStatus.ts";
import { parseCommandArgs } from "./parseCommandArgs.ts";
import { commandHelp, rootHelp } from "./renderHelp.ts";
import { UsageError } from "./UsageError.ts";
import { VERSION } from "./version.ts";

/** The arguments before `--`: only these can be options. */
function optionPart(args: readonly string[]): readonly string[] {
  const end = args.indexOf("--");
  return end < 0 ? args : args.slice(0, end);
}

const isHelp = (a: string) => a === "--help" || a === "-h";

/**
 * Runs the CLI with `argv` (without the program name) and resolves to the exit status:
 * 0 success, 1 failure or invalid input, 2 usage error. Errors are printed as one line on
 * stderr (plus at most one hint), and as a JSON error object on stdout with `--json`; a stack
 * trace only with `OCIMOUNT_DEBUG=1`. Output that cannot be written never crashes it: a reader
 * that went away (`EPIPE`) is ignored, any other write error is one line (`outputStatus`).
 * Never throws, never calls `process.exit`.
 */
export async function run(argv: string[]): Promise<number> {
  const out = output();
  const status = await runCommand(argv, out);
  return outputStatus(out, findCommand(argv[0] ?? "")?.name ?? "", status);
}

async function runCommand(argv: string[], out: Output): Promise<number> {
  let command = "";
  try {
    const first = argv[0];
    if (first === undefined) throw new UsageError("no command given");
    if (isHelp(first) && argv.length === 1) {
      out.out(rootHelp());
      return 0;
    }
    if ((first === "--version" || first === "-v") && argv.length === 1) {
      out.out(VERSION);
      return 0;
    }
    if (first.startsWith("-")) throw new UsageError(`unknown option ${first} before the command`);
    const entry = findCommand(first);
    if (!entry) {
      const names = COMMANDS.map((c) => c.name);
      throw new UsageError(`unknown command '${first}'${suggestion(first, names)}`);
    }
    command = entry.name;
    const rest = argv.slice(1);
    const mod = await entry.load();
    if (optionPart(rest).some(isHelp)) {
      out.out(await commandHelp(mod, out.color));
      return 0;
    }
    const cmd = mod.default;
    const defs = typeof cmd.args === "function" ? await cmd.args() : await cmd.args;
    const args = parseCommandArgs(rest, defs ?? {});
    await cmd.run?.({ rawArgs: rest, args, cmd });
    return 0;
  } catch (error) {
    // Read by its code, like every error: never by class.
    if (isOcimountError(error) && error.code === "EREPORTED")
      return (error as { exitCode?: number }).exitCode ?? 1;
    const described = describeError(error, command);
    if (optionPart(argv).includes("--json")) out.json(jsonDocument(described.json));
    out.err(described.line);
    if (described.hint) out.err(described.hint);
    if (process.env.OCIMOUNT_DEBUG === "1" && error instanceof Error && error.stack) {
      out.err(error.stack);
    }
    return described.exitCode;
  }
}
