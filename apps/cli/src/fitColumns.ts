/** No column is cut narrower than this (or its own width, if less). */
const MIN_WIDTH = 12;

/**
 * Column widths that fit `maxWidth` (columns joined by two spaces): the widest column is
 * narrowed first, down to the next widest, then both, and so on, never below 12 characters;
 * columns that are narrow already keep their width, and so do those not in `cuttable` (all
 * columns by default): identifiers stay whole, paths and option lists give way. May still
 * exceed `maxWidth` when every cuttable column is at the minimum.
 */
export function fitWidths(
  widths: readonly number[],
  maxWidth: number,
  cuttable?: readonly number[],
): number[] {
  const fitted = [...widths];
  const floor = widths.map((w, i) =>
    cuttable === undefined || cuttable.includes(i) ? Math.min(w, MIN_WIDTH) : w,
  );
  let excess = fitted.reduce((a, b) => a + b, 0) + 2 * (fitted.length - 1) - maxWidth;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < fitted.length; i++) {
      if (fitted[i]! > floor[i]! && (widest < 0 || fitted[i]! > fitted[widest]!)) widest = i;
    }
    if (widest < 0) break;
    const next = Math.max(
      floor[widest]!,
      ...fitted.map((w, i) => (i === widest ? 0 : Math.min(w, fitted[widest]! - 1))),
    );
    const cut = Math.min(excess, Math.max(1, fitted[widest]! - next));
    fitted[widest]! -= cut;
    excess -= cut;
  }
  return fitted;
}

/**
 * `text` in at most `width` characters: cut in the middle with `…`, so a path keeps its start
 * and its last components (`/very/long/…/leaf`).
 */
export function truncateMiddle(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 1) return "…".slice(0, width);
  const tail = Math.ceil((width - 1) / 2);
  return `${text.slice(0, width - 1 - tail)}…${text.slice(text.length - tail)}`;
}

/**
 * Rows whose cells are cut to fit `maxWidth` (see `fitWidths`, which says what `cuttable`
 * does): only the cells longer than
 * their column's new width change, so short rows stay whole. Cells must be one line.
 */
export function fitColumns(
  rows: readonly (readonly string[])[],
  maxWidth: number | undefined,
  cuttable?: readonly number[],
): string[][] {
  if (maxWidth === undefined) return rows.map((r) => [...r]);
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  }
  const fitted = fitWidths(widths, maxWidth, cuttable);
  return rows.map((row) => row.map((cell, i) => truncateMiddle(cell, fitted[i] ?? cell.length)));
}
