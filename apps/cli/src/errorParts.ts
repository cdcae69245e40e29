import { errnoText } from "./errnoText.ts";

/** A thrown value seen as a bag of fields (typed errors are read by duck typing). */
export type Fields = Record<string, unknown>;

/** `v` when it is a non-empty string. */
export const str = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : undefined;
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** An issue's message without the `"/mounts/0/source: "` prefix the schema puts in front. */
export function issueText(path: string, message: string): string {
  const prefix = `${path || "/"}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/** The JSON-pointer issues a validation error carries, if any, messages without prefixes. */
export function issuesOf(e: Fields): { path: string; message: string }[] {
  if (!Array.isArray(e.issues)) return [];
  return e.issues.map((raw: unknown) => {
    const i = (raw ?? {}) as Fields;
    const path = typeof i.path === "string" ? i.path : "";
    return { path: path || "/", message: issueText(path, str(i.message) ?? "invalid") };
  });
}

/** `where`: the config entry, then the paths involved (`line:column` for JSON errors). */
export function whereOf(e: Fields): string | undefined {
  const parts: string[] = [];
  const entry = str(e.where);
  if (entry) parts.push(entry);
  const source = str(e.source);
  const target = str(e.target);
  const path = str(e.path);
  if (source && target) parts.push(`${source} -> ${target}`);
  else if (target ?? source) parts.push((target ?? source) as string);
  if (path) parts.push(path);
  // Bun puts the throw site's line/column on every Error; only BundleError's are the document's.
  const line = str(e.name) === "BundleError" ? num(e.line) : undefined;
  if (line !== undefined && parts.length > 0) {
    const column = num(e.column);
    parts[parts.length - 1] += `:${line}${column !== undefined ? `:${column}` : ""}`;
  }
  const component = str(e.component);
  if (component && component !== path) parts.push(`at ${component}`);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

const BUNDLE_WHAT: Readonly<Record<string, string>> = {
  ENOTREG: "not a regular file",
  EFBIG: "file too large",
  EENCODING: "not UTF-8 text",
  EJSON: "invalid JSON",
  EDEPTH: "JSON nested too deeply",
  EINVALID: "invalid document",
};

/** `what`: the error's own, `<op> failed`, or one derived from the kind of error and code. */
export function whatOf(e: Fields, code: string): string {
  const own = str(e.what);
  if (own) return own;
  const op = str(e.op);
  if (op) return `${op} failed`;
  const name = str(e.name);
  if (name === "ResolveError") return "cannot resolve";
  if (name === "SpecValidationError") return "invalid document";
  if (code === "EINVALID" && str(e.path)?.endsWith("config.json")) return "invalid config";
  return BUNDLE_WHAT[code] ?? (name === "BundleError" ? "cannot read" : "failed");
}

/**
 * The detail of a `BundleError`: its message is `CODE: where: detail`, so the detail is what
 * follows the second `": "`.
 */
function bundleDetail(e: Fields, code: string): string | undefined {
  const message = str(e.message);
  if (str(e.name) !== "BundleError" || !message?.startsWith(`${code}: `)) return undefined;
  const rest = message.slice(code.length + 2);
  const cut = rest.indexOf(": ");
  return cut < 0 ? undefined : rest.slice(cut + 2);
}

/** The text after the code: the first issue, the errno's text, a detail, or the message. */
export function textOf(e: Fields, code: string, firstIssue: string | undefined): string {
  if (firstIssue) return firstIssue;
  const own = str(e.text);
  if (own) return own;
  const fileType = str(e.fileType);
  if (code === "ENOTREG" && fileType) return `it is a ${fileType}`;
  return (
    errnoText(code) ??
    str(e.detail) ??
    bundleDetail(e, code) ??
    errnoText(str(e.errno) ?? "") ??
    str(e.message) ??
    code
  );
}
