import { closestWord } from "@ocimount/mount-flags";

/**
 * The candidate `word` was most likely meant to be, as git and cargo suggest one: the closest
 * within one edit (two for words of six characters or more), else the only candidate `word`
 * is a prefix of (at least three characters); undefined when nothing is close or two are
 * equally close. Case is ignored.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const closest = closestWord(word, candidates);
  if (closest !== undefined && closest !== word) return closest;
  const w = word.toLowerCase();
  if (w.length < 3) return undefined;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w) && c.length > w.length);
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** ` (did you mean 'x'?)` for a message, or "" when no candidate is close. */
export function suggestion(word: string, candidates: readonly string[]): string {
  const found = didYouMean(word, candidates);
  return found === undefined ? "" : ` (did you mean '${found}'?)`;
}
