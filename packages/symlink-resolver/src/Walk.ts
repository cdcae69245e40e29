import { MAXSYMLINKS } from "@ocimount/mount-flags/linux";
import { ResolveError } from "./ResolveError.ts";
import { directoriesProven, judgeProbe, planProbe } from "./runAhead.ts";

/** How many symlinks one lookup may follow: the kernel's MAXSYMLINKS (the 41st is ELOOP). */
export const MAX_SYMLINKS = MAXSYMLINKS;

/** What an lstat said about the component handed out by {@link Walk.next}. */
export type Found = "directory" | "other" | "missing";

const KINDS: readonly Found[] = ["directory", "other", "missing"];

/** What the kernel itself would answer for the same lookup: the first failure wins. */
export type KernelVerdict = "ok" | "ENOENT" | "ENOTDIR";

/**
 * The resolver's state machine, shared by the sync and async drivers: it never touches the disk.
 * The driver asks {@link next} for the host path to look up, lstats it and reports back with
 * {@link found} or {@link follow}, until `next` returns `undefined`; then {@link result} is the
 * answer. Iterative, one work stack of pending components, no recursion.
 *
 * When {@link probing} is set, the path from `next` is a probe instead: a run of names ahead with
 * `/.` appended; the driver answers with {@link probed} and its realpath (or `undefined`), which
 * proves a whole run of plain directories in one call instead of one lstat each.
 */
export class Walk {
  /** What the kernel would have said; the resolver itself carries on past ENOENT/ENOTDIR. */
  verdict: KernelVerdict = "ok";
  /** Whether the path {@link next} returned is a probe to realpath, not a component to lstat. */
  probing = false;
  /** Work stack: the pending components, the next one last. */
  private readonly pending: string[];
  /** `path.length` after each component of the current position (index = depth - 1). */
  private readonly ends: number[] = [];
  private readonly base: string;
  private path: string;
  /** Index in `ends` of the component that is missing or not a directory; -1 if none. */
  private blocked = -1;
  /** Whether the blocked component is missing (rather than a non-directory). */
  private blockedIsMissing = false;
  private links = 0;
  /**
   * What each looked-up host path turned out to be, for this one lookup: numbers for
   * {@link Found} kinds (see `KINDS`), strings for symlink targets. Paths come back often
   * (`..`, absolute links restarting at the root); a still tree gives the same answer again.
   */
  private readonly seen = new Map<string, number | string>();
  /** The current component still needs its lookup (a probe came first). */
  private awaiting = false;
  /** Probing keeps paying off in this lookup; off after a probe that proved little. */
  private probes = true;
  /** The last lookup found a directory: probes pay when descending (not from `/lib` links). */
  private descending = false;
  private run: string[] = [];

  /**
   * @param root the canonical (realpath'd) host root
   * @param unsafePath the path to resolve as if `root` were `/`
   * @param givenRoot the root as the caller spelled it, for errors
   * @param missing when given, receives the host path of every component appended because it
   *   (or a parent) does not exist; the differential test creates them to check the answer.
   */
  constructor(
    root: string,
    private readonly unsafePath: string,
    private readonly givenRoot: string,
    private readonly missing?: string[],
  ) {
    this.base = root === "/" ? "" : root;
    this.path = this.base;
    this.pending = unsafePath.split("/").reverse();
  }

  /** Advances to the next component that must be looked up: its host path, or `undefined` if done. */
  next(): string | undefined {
    const pending = this.pending;
    if (this.awaiting) {
      this.awaiting = false;
      if (!this.recall()) return this.path;
    }
    while (pending.length > 0) {
      const name = pending.pop()!;
      // Any further component needs the current position to be a directory (else ENOTDIR).
      if (this.blocked >= 0 && this.verdict === "ok") this.verdict = "ENOTDIR";
      if (name === "" || name === ".") continue;
      if (name === "..") {
        this.pop();
        continue;
      }
      this.path += `/${name}`;
      this.ends.push(this.path.length);
      if (this.blocked < 0) {
        if (this.recall()) continue;
        const run = this.descending && this.probes ? planProbe(this.path, pending) : undefined;
        if (run === undefined) return this.path;
        this.run = run;
        this.probing = this.awaiting = true;
        return `${run[run.length - 1]}/.`;
      }
      // Below a missing component or a non-directory: appended as it is, nothing to look up.
      if (this.missing !== undefined && this.blockedIsMissing) this.missing.push(this.path);
    }
    return undefined;
  }

  /** Answers a probe: `real` is the realpath of the probed path, `undefined` if it failed. */
  probed(real: string | undefined): void {
    this.probing = false;
    const proven = real === undefined ? 0 : directoriesProven(this.run, real);
    for (let i = 0; i < proven; i++) this.seen.set(this.run[i]!, 0);
    this.probes = judgeProbe(proven);
  }

  /** Applies what is already known about the current component; false if nothing is. */
  private recall(): boolean {
    const known = this.seen.get(this.path);
    if (known === undefined) return false;
    if (typeof known === "string") this.followTarget(known);
    else this.record(KINDS[known]!);
    return true;
  }

  /** Reports that the component from {@link next} is a directory, something else, or missing. */
  found(kind: Found): void {
    this.descending = kind === "directory";
    this.seen.set(this.path, KINDS.indexOf(kind));
    this.record(kind);
  }

  private record(kind: Found): void {
    if (kind === "directory") return;
    this.blocked = this.ends.length - 1;
    this.blockedIsMissing = kind === "missing";
    if (kind === "missing") {
      if (this.verdict === "ok") this.verdict = "ENOENT";
      this.missing?.push(this.path);
    }
  }

  /**
   * Reports that the component from {@link next} is a symlink with body `target`: the link is
   * replaced by the components of its target. Throws `ResolveError` ELOOP on the 41st link, and
   * ENOENT for an empty target: Linux will not create one (symlink(2) says ENOENT), ext4 calls an
   * existing one corrupt (EUCLEAN), and the VFS itself would treat it as a jump to the link's own
   * directory (fs/namei.c `get_link`, "pure jump"); we refuse rather than guess.
   */
  follow(target: string): void {
    this.descending = false;
    this.seen.set(this.path, target);
    this.followTarget(target);
  }

  private followTarget(target: string): void {
    if (++this.links > MAX_SYMLINKS) throw this.error("ELOOP");
    if (target === "") throw this.error("ENOENT");
    this.pop();
    if (target.charCodeAt(0) === 47 /* "/" */) {
      this.ends.length = 0;
      this.path = this.base;
    }
    const parts = target.split("/");
    for (let i = parts.length - 1; i >= 0; i--) this.pending.push(parts[i]!);
  }

  /** The host path reached so far: the answer once {@link next} has returned `undefined`. */
  result(): string {
    return this.path === "" ? "/" : this.path;
  }

  private pop(): void {
    const ends = this.ends;
    if (ends.length === 0) return; // ".." at the root stays at the root
    ends.pop();
    this.path = this.path.slice(0, ends.length > 0 ? ends[ends.length - 1] : this.base.length);
    if (this.blocked >= ends.length) this.blocked = -1;
  }

  private error(code: "ELOOP" | "ENOENT"): ResolveError {
    return new ResolveError({
      code,
      root: this.givenRoot,
      path: this.unsafePath,
      component: this.path,
      errno: code,
    });
  }
}
