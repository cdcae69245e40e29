import type { MountInfoEntry } from "./MountInfoEntry.ts";
import { MountInfoError } from "./MountInfoError.ts";
import { unescapeOctal } from "./unescapeOctal.ts";

const DECIMAL = /^\d+$/;

function number(text: string | undefined, field: string, line: string, at?: number): number {
  if (text === undefined || !DECIMAL.test(text))
    throw new MountInfoError("ENUMBER", field, line, at);
  return Number(text);
}

function optionList(text: string): string[] {
  return text === "" ? [] : text.split(",");
}

function propagationOf(entry: Omit<MountInfoEntry, "propagation">, fields: readonly string[]) {
  if (entry.peerGroup !== undefined) return "shared";
  if (entry.masterGroup !== undefined) return "slave";
  if (fields.includes("unbindable")) return "unbindable";
  return "private";
}

function tagged(fields: readonly string[], tag: string): number | undefined {
  const field = fields.find((candidate) => candidate.startsWith(`${tag}:`));
  if (field === undefined) return undefined;
  const value = field.slice(tag.length + 1);
  return DECIMAL.test(value) ? Number(value) : undefined;
}

/**
 * Parses one line of `/proc/<pid>/mountinfo` (proc(5)):
 * `36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue`.
 * Root, mount point, fs type and source have the kernel's octal escapes decoded (`\040` space,
 * `\011` tab, `\012` newline, `\134` backslash); so do the super options, after splitting on
 * commas. Unknown optional fields are kept in `optionalFields` and otherwise ignored.
 * `lineNumber` only goes into errors.
 *
 * @throws MountInfoError `EFIELDS` (too few fields), `ESEPARATOR` (no `-`), `ENUMBER` (an ID or
 * the device is not a decimal number).
 */
export function parseMountInfoLine(line: string, lineNumber?: number): MountInfoEntry {
  const fields = line.split(" ");
  if (fields.length < 10) throw new MountInfoError("EFIELDS", "line", line, lineNumber);
  const separator = fields.indexOf("-", 6);
  if (separator === -1) throw new MountInfoError("ESEPARATOR", "-", line, lineNumber);
  if (fields.length !== separator + 4)
    throw new MountInfoError("EFIELDS", "line", line, lineNumber);
  const [mountId, parentId, device, root, mountPoint, mountOptions] = fields;
  const [major, minor, ...extra] = (device ?? "").split(":");
  if (extra.length > 0) throw new MountInfoError("ENUMBER", "major:minor", line, lineNumber);
  const optionalFields = fields.slice(6, separator);
  const [fsType, source, superOptions] = fields.slice(separator + 1);
  const entry = {
    mountId: number(mountId, "mount ID", line, lineNumber),
    parentId: number(parentId, "parent ID", line, lineNumber),
    major: number(major, "major:minor", line, lineNumber),
    minor: number(minor, "major:minor", line, lineNumber),
    root: unescapeOctal(root ?? ""),
    mountPoint: unescapeOctal(mountPoint ?? ""),
    mountOptions: optionList(mountOptions ?? ""),
    optionalFields,
    peerGroup: tagged(optionalFields, "shared"),
    masterGroup: tagged(optionalFields, "master"),
    propagateFrom: tagged(optionalFields, "propagate_from"),
    fsType: unescapeOctal(fsType ?? ""),
    source: unescapeOctal(source ?? ""),
    superOptions: optionList(superOptions ?? "").map(unescapeOctal),
  };
  return dropUndefined({ ...entry, propagation: propagationOf(entry, optionalFields) });
}

function dropUndefined(entry: MountInfoEntry): MountInfoEntry {
  for (const key of ["peerGroup", "masterGroup", "propagateFrom"] as const) {
    if (entry[key] === undefined) delete entry[key];
  }
  return entry;
}
