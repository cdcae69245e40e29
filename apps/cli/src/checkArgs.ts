import { parseArgs } from "node:util";
import type { ArgsDef } from "citty";
import { UsageError } from "./UsageError.ts";

/**
 * Checks a command's raw arguments strictly against its citty argument definitions, which
 * citty itself does not do (it ignores unknown options): unknown options, options without a
 * value, empty or repeated values, enum values outside their list and arguments given to a
 * command that takes none are usage errors. Everything after `--` is positional. Returns the
 * positional arguments.
 * Throws `UsageError`.
 */
export function checkArgs(rawArgs: readonly string[], defs: ArgsDef): string[] {
  const options: Record<string, { type: "string" | "boolean"; multiple: true; short?: string }> =
    {};
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === "positional") continue;
    const type = def.type === "boolean" ? "boolean" : "string";
    const aliases = "alias" in def ? def.alias : undefined;
    const alias = typeof aliases === "string" ? aliases : aliases?.[0];
    options[name] = { type, multiple: true, ...(alias?.length === 1 ? { short: alias } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rawArgs], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(explain(error));
  }
  for (const [name, raw] of Object.entries(parsed.values)) {
    const values = (Array.isArray(raw) ? raw : [raw]) as (string | boolean)[];
    if (values.length > 1 && typeof values[0] === "string")
      throw new UsageError(`option --${name} given more than once`);
    const value = values[0];
    if (value === "") throw new UsageError(`option --${name} needs a non-empty value`);
    const def = defs[name];
    if (def?.type === "enum" && typeof value === "string" && !def.options?.includes(value)) {
      throw new UsageError(
        `option --${name} must be one of ${def.options?.join(", ")} (got '${value}')`,
      );
    }
  }
  const takesPositionals = Object.values(defs).some((d) => d.type === "positional");
  const extra = parsed.positionals[0];
  if (!takesPositionals && extra !== undefined) {
    throw new UsageError(`unexpected argument '${extra}'`);
  }
  return parsed.positionals;
}

/** Node's parseArgs messages, reworded to be short and one line. */
function explain(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option ?? ""}`.trim();
  if (message.includes("does not take an argument")) return `option ${option ?? ""} takes no value`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return `option ${option ?? ""} needs a value (write ${option ?? "--option"}=VALUE for values starting with '-')`;
  }
  return message.split("\n")[0] ?? "bad arguments";
}
