import type { ArgDef, ArgsDef, ParsedArgs } from "citty";
import { suggestion } from "./didYouMean.ts";
import { UsageError } from "./UsageError.ts";

/** One option as it is typed: its definition's name, whether it takes a value. */
interface OptionSpelling {
  name: string;
  takesValue: boolean;
}

/** Every spelling of the command's options: `--bundle`, and `-b` for a one-letter alias. */
function spellings(defs: ArgsDef): Map<string, OptionSpelling> {
  const table = new Map<string, OptionSpelling>();
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === "positional") continue;
    const option = { name, takesValue: def.type !== "boolean" };
    table.set(`--${name}`, option);
    const aliases = "alias" in def ? def.alias : undefined;
    for (const alias of typeof aliases === "string" ? [aliases] : (aliases ?? [])) {
      if (alias.length === 1) table.set(`-${alias}`, option);
    }
  }
  return table;
}

/** What the arguments say before their values are checked: values by option name, positionals. */
interface Scanned {
  values: Map<string, (string | true)[]>;
  positionals: string[];
}

/**
 * Splits the arguments as POSIX utilities and node:util's strict `parseArgs` do: `--name=value`
 * or `--name value` (a value may not look like an option: write `--name=-x`), `-a` for a
 * one-letter alias, a lone `-` is an argument, and everything after `--` is positional.
 * Throws `UsageError` naming the argument it cannot take.
 */
function scan(rawArgs: readonly string[], table: Map<string, OptionSpelling>): Scanned {
  const values = new Map<string, (string | true)[]>();
  const positionals: string[] = [];
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i] as string;
    if (arg === "--") {
      positionals.push(...rawArgs.slice(i + 1));
      break;
    }
    if (arg.length < 2 || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const typed = eq < 0 ? arg : arg.slice(0, eq);
    const option = table.get(typed);
    if (option === undefined) {
      const long = [...table.keys()].filter((k) => k.startsWith("--"));
      throw new UsageError(`unknown option ${typed}${suggestion(typed, long)}`);
    }
    let value: string | true = true;
    if (!option.takesValue) {
      if (eq >= 0) throw new UsageError(`option ${typed} takes no value`);
    } else if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = rawArgs[i + 1];
      if (next === undefined || (next.length > 1 && next.startsWith("-"))) {
        throw new UsageError(
          `option ${typed} needs a value (write --${option.name}=VALUE for values starting with '-')`,
        );
      }
      value = next;
      i++;
    }
    values.set(option.name, [...(values.get(option.name) ?? []), value]);
  }
  return { values, positionals };
}

/** The one value of option `name` after its checks (repeated, empty, enum, required), or its default. */
function optionValue(name: string, def: ArgDef, given: readonly (string | true)[]): unknown {
  if (given.length > 1 && typeof given[0] === "string")
    throw new UsageError(`option --${name} given more than once`);
  const value = given[0];
  if (value === "") throw new UsageError(`option --${name} needs a non-empty value`);
  if (def.type === "enum" && typeof value === "string" && !def.options?.includes(value)) {
    throw new UsageError(
      `option --${name} must be one of ${def.options?.join(", ")} (got '${value}')${suggestion(value, def.options ?? [])}`,
    );
  }
  if (value === undefined && def.required) {
    throw new UsageError(`missing option --${name}${def.valueHint ? ` ${def.valueHint}` : ""}`);
  }
  return value ?? def.default;
}

/**
 * Parses a command's raw arguments, once and strictly, against its citty argument definitions
 * (citty keeps the definitions and renders help; its own parser ignores unknown options, so it
 * is not used). Unknown options (with a did-you-mean), options without a value, empty or
 * repeated values, enum values outside their list, missing required options and arguments
 * given to a command that takes none are usage errors, each found by looking at the argument
 * itself against the definitions. Everything after `--` is positional. Returns what citty
 * would hand the command's `run`: each option by name (defaults applied), the first
 * positional under its own name, and every positional in `_`.
 * Throws `UsageError`.
 */
export function parseCommandArgs(rawArgs: readonly string[], defs: ArgsDef): ParsedArgs {
  const { values, positionals } = scan(rawArgs, spellings(defs));
  const args: Record<string, unknown> = { _: positionals };
  for (const [name, def] of Object.entries(defs)) {
    args[name] =
      def.type === "positional"
        ? (positionals[0] ?? def.default)
        : optionValue(name, def, values.get(name) ?? []);
  }
  const takesPositionals = Object.values(defs).some((d) => d.type === "positional");
  const extra = positionals[0];
  if (!takesPositionals && extra !== undefined) {
    throw new UsageError(`unexpected argument '${extra}'`);
  }
  return args as ParsedArgs;
}
