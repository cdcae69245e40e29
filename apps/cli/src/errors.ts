import { stripAnsi } from "./color.ts";
import { type Fields, issuesOf, str, textOf, whatOf, whereOf } from "./errorParts.ts";
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

function typed(e: Fields, rawCode: string, command: string): DescribedError {
  // MountError keeps the errno name apart from its own code; BundleError's EIO keeps the errno.
  const osErrno = rawCode === "EIO" && typeof e.errno === "string" ? e.errno : undefined;
  const code = str(e.errnoName) ?? osErrno ?? rawCode;
  const issues = issuesOf(e);
  const first = issues[0];
  const what = whatOf(e, rawCode);
  const where = [whereOf(e), first?.path].filter(Boolean).join(" ") || undefined;
  const text = textOf(e, code, first?.message);
  const line = `ocimount: ${command}: ${oneLine(what)}${where ? ` (${oneLine(where)})` : ""}: ${code} (${oneLine(text)})`;
  const more = issues.length - 1;
  const rollback = e.rollback as Fields | undefined;
  const undone = Array.isArray(rollback?.errors) ? rollback.errors.length : 0;
  const hint =
    str(e.hint) ??
    (rollback
      ? `Rolling back failed too (${undone || "some"} step${undone === 1 ? "" : "s"}); 'ocimount teardown' retries it.`
      : undefined) ??
    (more > 0 ? `${more} more issue${more === 1 ? "" : "s"} (--json lists them all).` : undefined);
  const json: Fields = { code, message: `${what}: ${text}`, where: where ?? null };
  if (code !== rawCode) json.kind = rawCode;
  const keys = ["op", "errno", "path", "source", "target", "component", "detail"];
  if (str(e.name) === "BundleError") keys.push("line", "column");
  for (const key of keys) if (e[key] !== undefined) json[key] = e[key];
  if (issues.length > 0) json.issues = issues;
  if (rollback) json.rollback = describeError(rollback, command).json.error;
  return { exitCode: 1, line, ...(hint ? { hint: oneLine(hint) } : {}), json: { error: json } };
}

/**
 * Turns anything a command threw into the CLI's one error line, an optional hint and the
 * `--json` error object. Typed errors from the packages (with `code`, `op`, `errno`/`errnoName`,
 * `where`, `path`, `source`, `target`, `issues`, `line`/`column`, `detail`) are read by their
 * fields; an aggregate (teardown's) is shown by its first error with the rest counted in the
 * hint; anything else gets a generic line. Never includes a stack trace (the caller adds one
 * under `OCIMOUNT_DEBUG=1`).
 */
export function describeError(error: unknown, command: string): DescribedError {
  const e = (typeof error === "object" && error !== null ? error : {}) as Fields;
  const name = str(e.name);
  if (name === "UsageError" || name === "CLIError") {
    const message = str(e.message) ?? "usage error";
    // citty colours its own messages whatever the terminal; ours are plain.
    return usage(command, name === "CLIError" ? stripAnsi(message) : message);
  }
  if (Array.isArray(e.errors) && e.errors.length > 0) {
    const d = describeError(e.errors[0], command);
    const more = e.errors.length - 1;
    if (more === 0) return d;
    const all = e.errors.map((x: unknown) => describeError(x, command).json.error);
    return {
      ...d,
      hint: `${more} more failure${more === 1 ? "" : "s"} (--json lists them all).`,
      json: { error: { ...d.json.error, errors: all } },
    };
  }
  const rawCode = str(e.code);
  if (!rawCode || !/^E[A-Z0-9_]+$/.test(rawCode)) return unexpected(error, command);
  return typed(e, rawCode, command);
}
