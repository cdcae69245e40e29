import type { MountInfoEntry } from "./MountInfoEntry.ts";
import { parseMountInfoLine } from "./parseMountInfoLine.ts";

/**
 * Parses the whole text of `/proc/<pid>/mountinfo`, one entry per non-empty line, in order (the
 * kernel lists parents before children). Empty lines, such as the one after the final newline, are
 * skipped; a path with a newline in it is written `\012` by the kernel, so splitting is safe.
 *
 * @throws MountInfoError for the first malformed line, with its 1-based line in `position.line`.
 */
export function parseMountInfo(text: string): MountInfoEntry[] {
  const entries: MountInfoEntry[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line !== "") entries.push(parseMountInfoLine(line, i + 1));
  }
  return entries;
}
