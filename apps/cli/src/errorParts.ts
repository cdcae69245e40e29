import { errnoText, type OcimountError } from "@ocimount/mount-flags/errors";

/** `what`: the error's own summary, `<op> failed`, or a word for its code. */
export function whatOf(e: OcimountError): string {
  if (e.summary) return e.summary;
  if (e.op) return `${e.op} failed`;
  return "failed";
}

/** `where`: the config entry, then the paths involved (`:line:column` for JSON errors). */
export function whereOf(e: OcimountError): string | undefined {
  const parts: string[] = [];
  if (e.where) parts.push(e.where);
  if (e.source && e.target) parts.push(`${e.source} -> ${e.target}`);
  else if (e.target ?? e.source) parts.push((e.target ?? e.source) as string);
  if (e.path) parts.push(e.path);
  if (e.position && parts.length > 0) {
    const column = e.position.column === undefined ? "" : `:${e.position.column}`;
    parts[parts.length - 1] += `:${e.position.line}${column}`;
  }
  if (e.component && e.component !== e.path) parts.push(`at ${e.component}`);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/**
 * The text in parentheses after the code: the first issue, else the errno as number and
 * strerror(3) text (`errno 2, No such file or directory`), else the detail.
 */
export function textOf(e: OcimountError, firstIssue: string | undefined): string {
  if (firstIssue) return firstIssue;
  if (e.errno !== undefined) return `errno ${e.errno}, ${errnoText(e.errno)}`;
  return e.detail ?? e.code;
}
