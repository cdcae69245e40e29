import { MountError } from "../errors.ts";
import type { JournalEntry } from "./JournalEntry.ts";
import { JOURNAL_VERSION } from "./JournalEntry.ts";
import { journalEntryProblem } from "./journalSchema.ts";
import { readTrustedFile } from "./trustedState.ts";

/**
 * The entries of a journal, or `null` when there is none (never set up, or torn down). The file
 * must be trusted (`readTrustedFile`: no symlink, the caller's, writable by nobody else) and
 * every line must fit the journal schema (`journalEntryProblem`), first a `begin` of this
 * version. A last line cut short by a kill is ignored; anything else is `MountError` `EJOURNAL`.
 */
export function readJournal(path: string): JournalEntry[] | null {
  const text = readTrustedFile(path);
  if (text === null) return null;
  return parseJournal(text, path);
}

/** Parses and checks journal text (see `readJournal`). */
export function parseJournal(text: string, path: string): JournalEntry[] {
  const entries = parseAll(text) ?? parseLines(text, path);
  const first = entries[0] as { t?: unknown; v?: unknown } | undefined;
  if (first?.t !== "begin")
    throw new MountError({ code: "EJOURNAL", op: "read", target: path, detail: "no begin entry" });
  if (first.v !== JOURNAL_VERSION)
    throw new MountError({
      code: "EJOURNAL",
      op: "read",
      target: path,
      detail: `journal version ${JSON.stringify(first.v)}, this ocimount reads ${JOURNAL_VERSION} (discard it with teardown --forget)`,
    });
  for (const [i, e] of entries.entries()) {
    const problem = journalEntryProblem(e);
    if (problem)
      throw new MountError({
        code: "EJOURNAL",
        op: "read",
        target: path,
        detail: `entry ${i + 1}: ${problem}`,
      });
  }
  return entries;
}

/**
 * Every line at once, as one JSON array (one parse instead of one per line). JSON.stringify
 * never writes a raw newline inside a value, so the lines of an intact journal joined with
 * commas are a valid array. `null` when anything is off (a torn last line): parse line by line.
 */
function parseAll(text: string): JournalEntry[] | null {
  if (!text.endsWith("\n")) return null;
  try {
    const all = JSON.parse(`[${text.slice(0, -1).replaceAll("\n", ",")}]`) as unknown;
    return Array.isArray(all) ? (all as JournalEntry[]) : null;
  } catch {
    return null;
  }
}

/** Line by line: a last line cut short by a kill is ignored; any other bad line is EJOURNAL. */
function parseLines(text: string, path: string): JournalEntry[] {
  const lines = text.split("\n");
  const entries: JournalEntry[] = [];
  lines.forEach((line, i) => {
    if (!line) return;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch (err) {
      const torn = i === lines.length - 1;
      if (!torn)
        throw new MountError({
          code: "EJOURNAL",
          op: "read",
          target: path,
          detail: `bad line ${i + 1}`,
          cause: err,
        });
    }
  });
  return entries;
}
