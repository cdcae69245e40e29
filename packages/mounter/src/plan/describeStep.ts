import { formatMountFlags, MS_REC } from "@ocimount/mount-flags";
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

/** The option words of parsed options: set flags, `-cleared` flags, propagation, data, extras. */
export function describeOptions(o: StepOptions): string[] {
  const words = [
    ...formatMountFlags(o.flags),
    ...formatMountFlags(o.clearFlags).map((f) => `-${f}`),
  ];
  words.push(...o.propagation.map(propagationName));
  if (o.recursive.attrSet || o.recursive.attrClr) {
    words.push(
      `recursive(set=0x${o.recursive.attrSet.toString(16)},clear=0x${o.recursive.attrClr.toString(16)})`,
    );
  }
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
    case "new-fs":
      return {
        ...base,
        action: step.fsType,
        source: step.source ?? step.fsType,
        options: describeOptions(step.options),
      };
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
