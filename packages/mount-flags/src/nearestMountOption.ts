import { OPTION_INDEX } from "./optionIndex.ts";

/** Edits between `a` and `b`: insertion, deletion, substitution, or a swap of neighbours. */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The known mount option an unknown one was most likely meant to be (`nosiud` -> `nosuid`,
 * `RO` -> `ro`): the only closest option within one edit (two from six characters on; case
 * ignored), counting a swap of neighbours as one edit. `undefined` for a known option, a
 * `key=value` (filesystem data), or when nothing is close or two options are equally close.
 * Never throws.
 */
export function nearestMountOption(option: string): string | undefined {
  if (OPTION_INDEX.has(option) || option.includes("=")) return undefined;
  const word = option.toLowerCase();
  const allowed = word.length >= 6 ? 2 : word.length >= 3 ? 1 : 0;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  let tie = false;
  for (const known of OPTION_INDEX.keys()) {
    const d = distance(word, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}
