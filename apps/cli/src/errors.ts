import { isOcimountError, type OcimountError } from "@ocimount/mount-flags/errors";
import { stripAnsi } from "./color.ts";
import { textOf, whatOf, whereOf } from "./errorParts.ts";
import { oneLine } from "./oneLine.ts";

/** An error turned into what the CLI prints and how it exits. */
export interface DescribedError {
  /** 1 for failures and invalid input, 2 for usage errors. */
  exitCode: 1 | 2;
  /** `ocimount: <command>: <what> (<where>): <ERRNO> (<text>)`, one line. */
  line: string;
  /** At most one more line of advice. */
  hint?: string;
  /** The `--json` error object: `{ error: { code, message, where, ... } }`. */
  json: { error: Record<string, unknown> };
}

/** citty's own usage errors (unknown command, missing argument): not ours, known by their code. */
const CITTY_USAGE_CODES: ReadonlySet<unknown> = new Set([
  "EARG",
  "E_UNKNOWN_COMMAND",
  "E_NO_COMMAND",
  "E_NO_VERSION",
]);

function usage(command: string, message: string): DescribedError {
  const text = oneLine(message);
  const help = command === "" ? "ocimount --help" : `ocimount ${command} --help`;
  return {
    exitCode: 2,
    line: `ocimount: ${command === "" ? "" : `${command}: `}${text}`,
    hint: `Run '${help}' for usage.`,
    json: { error: { code: "EUSAGE", message: text, where: null } },
  };
}

function unexpected(error: unknown, command: string): DescribedError {
  const message = oneLine(error instanceof Error ? error.message : String(error));
  return {
    exitCode: 1,
    line: `ocimount: ${command}: unexpected error: ${message}`,
    hint: "Set OCIMOUNT_DEBUG=1 to see where it came from.",
    json: { error: { code: "EUNEXPECTED", message, where: null } },
  };
}

/** The contract's fields, as `--json` shows them (errno always a positive number and its name). */
function jsonOf(e: OcimountError): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const key of [
    "op",
    "errno",
    "errnoName",
    "mountIndex",
    "path",
    "source",
    "target",
    "component",
    "detail",
  ])
    if (e[key as keyof OcimountError] !== undefined) json[key] = e[key as keyof OcimountError];
  if (e.position) {
    json.line = e.position.line;
    if (e.position.column !== undefined) json.column = e.position.column;
  }
  return json;
}

function rollbackHint(rollback: OcimountError | undefined): string | undefined {
  if (!rollback) return undefined;
  const undone = rollback.errors.length;
  return `Rolling back failed too (${undone || "some"} step${undone === 1 ? "" : "s"}); 'ocimount teardown' retries it.`;
}

function typed(e: OcimountError, command: string): DescribedError {
  const code = e.errnoName ?? e.code;
  const issues = e.issues.map((i) => ({ path: i.path || "/", message: i.message }));
  const first = issues[0];
  const what = whatOf(e);
  const where = [whereOf(e), first?.path].filter(Boolean).join(" ") || undefined;
  const text = textOf(e, first?.message);
  // The parentheses hold the errno's text; a filesystem context's own words (fsconfig, fsmount:
  // `tmpfs: Unknown parameter 'nosiud'`) follow it.
  const fromKernel = e.op === "fsconfig" || e.op === "fsmount";
  const reason = fromKernel && e.errno !== undefined && e.detail ? `: ${oneLine(e.detail)}` : "";
  const line = `ocimount: ${command}: ${oneLine(what)}${where ? ` (${oneLine(where)})` : ""}: ${code} (${oneLine(text)})${reason}`;
  const more = issues.length - 1;
  const rollback = isOcimountError(e.rollback) ? e.rollback : undefined;
  const hint =
    e.hint ??
    rollbackHint(rollback) ??
    (more > 0 ? `${more} more issue${more === 1 ? "" : "s"} (--json lists them all).` : undefined);
  const json: Record<string, unknown> = {
    code,
    message: `${what}: ${text}${reason}`,
    where: where ?? null,
  };
  if (code !== e.code) json.kind = e.code;
  Object.assign(json, jsonOf(e));
  if (issues.length > 0) json.issues = issues;
  if (rollback) json.rollback = describeError(rollback, command).json.error;
  return { exitCode: 1, line, ...(hint ? { hint: oneLine(hint) } : {}), json: { error: json } };
}

/**
 * Turns anything a command threw into the CLI's one error line, an optional hint and the
 * `--json` error object. ocimount errors (every package's, see `@ocimount/mount-flags/errors`)
 * are read by their contract fields only: never by class name, never by parsing a message. One
 * that stands for several (`errors`: a teardown's) is shown by its first with the rest counted
 * in the hint. citty's usage errors exit 2; anything else gets a generic line. Never includes
 * a stack trace (the caller adds one under `OCIMOUNT_DEBUG=1`).
 */
export function describeError(error: unknown, command: string): DescribedError {
  if (!isOcimountError(error)) {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof Error && CITTY_USAGE_CODES.has(code)) {
      // citty colours its own messages whatever the terminal; ours are plain.
      return usage(command, stripAnsi(error.message));
    }
    return unexpected(error, command);
  }
  if (error.code === "EUSAGE") return usage(command, error.detail ?? error.message);
  const [firstError, ...rest] = error.errors;
  if (firstError !== undefined && !error.rollback) {
    const d = describeError(firstError, command);
    if (rest.length === 0) return d;
    const all = error.errors.map((x) => describeError(x, command).json.error);
    return {
      ...d,
      hint: `${rest.length} more failure${rest.length === 1 ? "" : "s"} (--json lists them all).`,
      json: { error: { ...d.json.error, errors: all } },
    };
  }
  return typed(error, command);
}
