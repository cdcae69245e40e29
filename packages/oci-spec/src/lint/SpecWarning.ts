/** A semantic warning about a valid config: suspicious, deprecated or ignored, never invalid. */
export interface SpecWarning {
  /** JSON pointer to the field concerned, e.g. `/mounts/2/options`. */
  path: string;
  message: string;
}
