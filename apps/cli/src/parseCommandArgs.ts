import { parseArgs } from "node:util";
import type { ArgsDef, ParsedArgs } from "citty";
import { suggestion } from "./didYouMean.ts";
import { UsageError } from "./UsageError.ts";

type ParseOptions = Record<string, { type: "string" | "boolean"; multiple: true; short?: string }>;

/** The node:util option table for citty argument definitions (every option `multiple`, to catch repeats). */
function optionTable(defs: ArgsDef): ParseOptions {
  const options: ParseOptions = {};
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === "positional") continue;
    const type = def.type === "boolean" ? "boolean" : "string";
    const aliases = "alias" in def ? def.alias : undefined;
    const alias = typeof aliases === "string" ? aliases : aliases?.[0];
    options[name] = { type, multiple: true, ...(alias?.length === 1 ? { short: alias } : {}) };
  }
  return options;
}

/**
 * Parses a command's raw arguments, once and strictly, against its citty argument definitions
 * (citty keeps the definitions and renders help; its own parser ignores unknown options, so it
 * is not used). Unknown options (with a did-you-mean), options without a value, empty or
 * repeated values, enum values outside their list, missing required options and arguments
 * given to a command that takes none are usage errors. Everything after `--` is positional.
 * Returns what citty would hand the command's `run`: each option by name (defaults applied),
 * the first positional under its own name, and every positional in `_`.
 * Throws `UsageError`.
 */
export function parseCommandArgs(rawArgs: readonly string[], defs: ArgsDef): ParsedArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rawArgs],
      options: optionTable(defs),
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(explain(error, defs));
  }
  const args: Record<string, unknown> = { _: parsed.positionals };
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === "positional") {
      args[name] = parsed.positionals[0] ?? def.default;
      continue;
    }
    const values = (parsed.values[name] ?? []) as (string | boolean)[];
    if (values.length > 1 && typeof values[0] === "string")
      throw new UsageError(`option --${name} given more than once`);
    const value = values[0];
    if (value === "") throw new UsageError(`option --${name} needs a non-empty value`);
    if (def.type === "enum" && typeof value === "string" && !def.options?.includes(value)) {
      throw new UsageError(
        `option --${name} must be one of ${def.options?.join(", ")} (got '${value}')${suggestion(value, def.options ?? [])}`,
      );
    }
    if (value === undefined && def.required) {
      throw new UsageError(`missing option --${name}${def.valueHint ? ` ${def.valueHint}` : ""}`);
    }
    args[name] = value ?? def.default;
  }
  const takesPositionals = Object.values(defs).some((d) => d.type === "positional");
  const extra = parsed.positionals[0];
  if (!takesPositionals && extra !== undefined) {
    throw new UsageError(`unexpected argument '${extra}'`);
  }
  return args as ParsedArgs;
}

/** The long options a command takes, as typed: `--bundle`, `--json`. */
function longOptions(defs: ArgsDef): string[] {
  return Object.entries(defs)
    .filter(([, def]) => def.type !== "positional")
    .map(([name]) => `--${name}`);
}

/** Node's parseArgs messages, reworded to be short and one line. */
function explain(error: unknown, defs: ArgsDef): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const typed = option?.split("=")[0] ?? "";
    return `unknown option ${option ?? ""}`.trim() + suggestion(typed, longOptions(defs));
  }
  if (message.includes("does not take an argument")) return `option ${option ?? ""} takes no value`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return `option ${option ?? ""} needs a value (write ${option ?? "--option"}=VALUE for values starting with '-')`;
  }
  return message.split("\n")[0] ?? "bad arguments";
}
