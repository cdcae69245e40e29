import { MS_PRIVATE, MS_REC, MS_SHARED, MS_SLAVE, MS_UNBINDABLE } from "@ocimount/mount-flags";

const TABLE: Readonly<Record<string, number>> = {
  shared: MS_SHARED,
  slave: MS_SLAVE,
  private: MS_PRIVATE,
  unbindable: MS_UNBINDABLE,
  rshared: MS_SHARED | MS_REC,
  rslave: MS_SLAVE | MS_REC,
  rprivate: MS_PRIVATE | MS_REC,
  runbindable: MS_UNBINDABLE | MS_REC,
};

/** The MS_* value of a `linux.rootfsPropagation` word, or `undefined` for an unknown word. */
export function rootfsPropagation(word: string): number | undefined {
  return Object.hasOwn(TABLE, word) ? TABLE[word] : undefined;
}
