import type { ErrnoName } from "./errno.ts";

/**
 * The reasons an ocimount error can have besides a plain errno, one list for every package so
 * that a caller can switch on `code` whichever package threw.
 */
export const REASON_CODES = [
  /** A system call failed; `op` names it, `errno`/`errnoName` say how. */
  "ESYSCALL",
  /** The kernel did not apply what was asked (read back from the mount table). */
  "EVERIFY",
  /** The bundle is already set up (its journal exists). */
  "EALREADY",
  /** Valid input of the wrong shape: a schema violation or a config setup cannot do (`issues`). */
  "EINVALID",
  /** A feature the kernel, this host or ocimount does not support here. */
  "ENOTSUP",
  /** The file used to mask paths is not the expected /dev/null (char 1:3). */
  "EMASKDEV",
  /** The journal is missing, unreadable or not a journal. */
  "EJOURNAL",
  /** JSON syntax error (`position` says where). */
  "EJSON",
  /** JSON nested deeper than the limit. */
  "EDEPTH",
  /** Not valid UTF-8 text. */
  "EENCODING",
  /** Not a regular file: a FIFO, device, directory or socket. */
  "ENOTREG",
  /** The container state has no pid to join. */
  "ENOPID",
  /** A mountinfo line with fewer fields than proc(5) requires. */
  "EFIELDS",
  /** A mountinfo line without the `-` separator. */
  "ESEPARATOR",
  /** A mountinfo field that should be a number is not. */
  "ENUMBER",
  /** Some steps of a teardown or rollback failed (`errors` lists each). */
  "ETEARDOWN",
  /** The command was called wrongly (the CLI exits 2). */
  "EUSAGE",
  /** A mount setup did not make is in the way (left alone, reported). */
  "EFOREIGN",
  /** The journal's mounts are no longer live (`teardown --forget` drops it). */
  "ESTALEJOURNAL",
  /** The journal was written in another mount namespace. */
  "ENAMESPACE",
  /** The state dir or a journal is not safe to trust (owner, mode, link, place, content). */
  "EUNSAFE",
  /** A file is not what its checksum says. */
  "EINTEGRITY",
  /** The command has printed its verdict already (the CLI exits 1 and prints nothing more). */
  "EREPORTED",
] as const;

/** A reason code (see {@link REASON_CODES}). */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * What kind of failure an ocimount error is: a reason, or an errno name where the failure is
 * exactly that errno (a failed system call, a path that does not resolve). A closed union.
 */
export type ErrorCode = ReasonCode | ErrnoName;
