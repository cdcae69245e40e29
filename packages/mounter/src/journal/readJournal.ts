import { readFileSync } from "node:fs";
import { MountError } from "../errors.ts";
import type { JournalEntry } from "./JournalEntry.ts";

/**
 * The entries of a journal, or `null` when there is none (never set up, or torn down). A last
 * line cut short by a kill is ignored; any other bad line is `MountError` `EJOURNAL`.
 */
export function readJournal(path: string): JournalEntry[] | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new MountError({
      code: "EJOURNAL",
      op: "read",
      target: path,
      detail: String(err),
      cause: err,
    });
  }
  const entries = parseAll(text) ?? parseLines(text, path);
  if (entries[0]?.t !== "begin")
    throw new MountError({ code: "EJOURNAL", op: "read", target: path, detail: "no begin entry" });
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
    return JSON.parse(`[${text.slice(0, -1).replaceAll("\n", ",")}]`) as JournalEntry[];
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
