import { closestWord } from "./closestWord.ts";
import { OPTION_INDEX } from "./optionIndex.ts";

/**
 * The known mount option an unknown one was most likely meant to be (`nosiud` -> `nosuid`,
 * `RO` -> `ro`): the only closest option within one edit (two from six characters on; case
 * ignored), counting a swap of neighbours as one edit. `undefined` for a known option, a
 * `key=value` (filesystem data), or when nothing is close or two options are equally close.
 * Never throws.
 */
export function nearestMountOption(option: string): string | undefined {
  if (OPTION_INDEX.has(option) || option.includes("=")) return undefined;
  return closestWord(option, OPTION_INDEX.keys());
}
