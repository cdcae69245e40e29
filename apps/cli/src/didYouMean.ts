/**
 * The edit distance between `a` and `b` counting an insertion, a deletion, a substitution or a
 * swap of two neighbours as one edit (optimal string alignment), so `stauts` is 1 from `status`.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const up = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** How many edits a word of `length` characters may be away from a suggestion. */
const allowedEdits = (length: number) => (length >= 6 ? 2 : length >= 3 ? 1 : 0);

/**
 * The candidate `word` was most likely meant to be, as git and cargo suggest one: the closest
 * within one edit (two for words of six characters or more), else the only candidate `word`
 * is a prefix of (at least three characters); undefined when nothing is close or two are
 * equally close. Case is ignored.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = allowedEdits(w.length) + 1;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  if (best !== undefined && !tie && best !== word) return best;
  if (w.length < 3) return undefined;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(w) && c.length > w.length);
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** ` (did you mean 'x'?)` for a message, or "" when no candidate is close. */
export function suggestion(word: string, candidates: readonly string[]): string {
  const found = didYouMean(word, candidates);
  return found === undefined ? "" : ` (did you mean '${found}'?)`;
}
