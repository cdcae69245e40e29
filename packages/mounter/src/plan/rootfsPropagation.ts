import { PROPAGATION_OPTIONS } from "@ocimount/mount-flags";

const TABLE: ReadonlyMap<string, number> = new Map(
  PROPAGATION_OPTIONS.map((p) => [p.option, p.flag]),
);

/**
 * The MS_* value of a `linux.rootfsPropagation` word (`private`, `rslave`...: the words of
 * mount-flags' `PROPAGATION_OPTIONS`), or `undefined` for an unknown word.
 */
export function rootfsPropagation(word: string): number | undefined {
  return TABLE.get(word);
}
