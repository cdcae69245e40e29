/**
 * What a mount must show in /proc/self/mountinfo after setup: per-mount option words that must
 * be present (`on`) or absent (`off`), and the propagation asked for, if any.
 */
export interface Expectation {
  /** The config entry behind it. */
  why: string;
  mountId: number;
  on: string[];
  off: string[];
  /** For `slave` the kernel reports `private` when the mount had no master; both are accepted. */
  propagation?: "shared" | "slave" | "private" | "unbindable";
}
