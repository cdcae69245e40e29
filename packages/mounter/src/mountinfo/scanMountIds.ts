/** The first two fields of every mountinfo line: mount ID and parent ID, in line order. */
export interface MountIds {
  ids: number[];
  parents: number[];
  /** Where each line starts in the text (it ends at the next newline). */
  starts: number[];
}

/**
 * Reads only the mount and parent IDs out of `/proc/<pid>/mountinfo` text: enough to find the
 * tree below a mount, at a fraction of a full parse (teardown's fast path needs nothing else).
 * `null` when a line does not start with two decimal numbers: the caller parses it fully and
 * gets the parser's error.
 */
export function scanMountIds(text: string): MountIds | null {
  const ids: number[] = [];
  const parents: number[] = [];
  const starts: number[] = [];
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    if (end > at) {
      const id = decimalAt(text, at, end);
      if (id === null) return null;
      const parent = decimalAt(text, id.next, end);
      if (parent === null) return null;
      ids.push(id.value);
      parents.push(parent.value);
      starts.push(at);
    }
    at = end + 1;
  }
  return { ids, parents, starts };
}

/** The decimal number at `from`, ended by a space before `end`, and where the next field starts. */
function decimalAt(
  text: string,
  from: number,
  end: number,
): { value: number; next: number } | null {
  let value = 0;
  let i = from;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d === 32 - 48) break;
    if (d < 0 || d > 9) return null;
    value = value * 10 + d;
  }
  return i === from || i === end || i - from > 15 ? null : { value, next: i + 1 };
}

/** The mount `rootId` and the IDs of every mount below it, parents first; empty if it is not live. */
export function mountTreeIds({ ids, parents }: Omit<MountIds, "starts">, rootId: number): number[] {
  if (!ids.includes(rootId)) return [];
  const children = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const parent = parents[i] as number;
    if (id === parent) continue;
    const list = children.get(parent);
    if (list) list.push(id);
    else children.set(parent, [id]);
  }
  const out = [rootId];
  for (let i = 0; i < out.length; i++) {
    const below = children.get(out[i] as number);
    if (below) for (const id of below) out.push(id);
  }
  return out;
}
