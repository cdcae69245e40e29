import {
  formatMountAttr,
  formatMountFlags,
  MOUNT_ATTR__ATIME,
  MOUNT_OPTIONS,
  MS_NOATIME,
  MS_REC,
  MS_RELATIME,
  MS_STRICTATIME,
} from "@ocimount/mount-flags";
import type { Step, StepOptions } from "./types.ts";

/** A step in words: what it mounts, from where, with which options (for `formatPlan`). */
export interface StepDescription {
  why: string;
  action: string;
  source: string;
  target: string;
  hostPath: string;
  options: string[];
}

function propagationName(p: number): string {
  const base = formatMountFlags(p & ~MS_REC)[0] ?? `0x${p.toString(16)}`;
  const word = base.replace(/^ms_/i, "").toLowerCase();
  return p & MS_REC ? `r${word}` : word;
}

const ATIME_MODES = MS_NOATIME | MS_RELATIME | MS_STRICTATIME;

/**
 * The option words for cleared bits (`rw`, `suid`...). Atime modes that a chosen mode replaced
 * are left out: the chosen mode says it.
 */
function clearWords(o: StepOptions): string[] {
  const bits = o.flags & ATIME_MODES ? o.clearFlags & ~ATIME_MODES : o.clearFlags;
  return MOUNT_OPTIONS.filter((m) => m.clear && m.flag && bits & m.flag).map((m) => m.option);
}

/** The spec word that clears a MOUNT_ATTR name: `ro` -> `rw`, `nosuid` -> `suid`. */
function clearedName(word: string): string {
  if (word === "ro") return "rw";
  return word.startsWith("no") ? word.slice(2) : `-${word}`;
}

/** The `r*` option words of the recursive attributes: `rro`, `rnosuid`, `rrw`, `rrelatime`. */
function recursiveWords(o: StepOptions): string[] {
  const { attrSet, attrClr } = o.recursive;
  const words = formatMountAttr(attrSet);
  if (attrClr & MOUNT_ATTR__ATIME && !(attrSet & MOUNT_ATTR__ATIME)) words.push("relatime");
  words.push(...formatMountAttr(attrClr & ~MOUNT_ATTR__ATIME & ~attrSet).map(clearedName));
  return words.map((w) => `r${w}`);
}

/** The option words of parsed options: set flags, cleared flags, propagation, recursive, data, extras. */
export function describeOptions(o: StepOptions): string[] {
  const words = [
    ...formatMountFlags(o.flags),
    ...clearWords(o),
    ...o.propagation.map(propagationName),
  ];
  words.push(...recursiveWords(o));
  if (o.idmap || o.recursiveIdmap) words.push(o.recursiveIdmap ? "ridmap" : "idmap");
  if (o.tmpcopyup) words.push("tmpcopyup");
  if (o.data) words.push(`data=${o.data}`);
  return words;
}

/** Describes one step for humans. */
export function describeStep(step: Step): StepDescription {
  const base = { why: step.why, target: step.target.path, hostPath: step.target.hostPath };
  switch (step.kind) {
    case "rootfs-bind":
      return { ...base, action: "rbind", source: step.target.hostPath, options: ["self"] };
    case "bind":
      return {
        ...base,
        action: step.recursive ? "rbind" : "bind",
        source: step.source,
        options: describeOptions(step.options),
      };
    case "new-fs": {
      const source = step.source ?? step.fsType;
      return {
        ...base,
        action: step.fsType,
        source: step.orBind ? `${source} (refused: bind ${step.orBind})` : source,
        options: describeOptions(step.options),
      };
    }
    case "link":
      return { ...base, action: "symlink", source: step.linkTo, options: [] };
    case "mask":
      return { ...base, action: "mask", source: "/dev/null | empty ro tmpfs", options: [] };
    case "readonly":
      return { ...base, action: "readonly", source: "(self, rbind)", options: ["ro"] };
    case "root-readonly":
      return { ...base, action: "remount", source: "(rootfs)", options: ["ro"] };
    case "rootfs-propagation":
      return { ...base, action: "propagation", source: "(rootfs)", options: [step.name] };
  }
}
