import type { MountInfoEntry } from "./MountInfoEntry.ts";
import { MountInfoError } from "./MountInfoError.ts";
import { unescapeOctal } from "./unescapeOctal.ts";

type Propagation = MountInfoEntry["propagation"];

/**
 * A non-empty run of ASCII digits as a number, else `undefined`. A loop over char codes, not a
 * regular expression: mountinfo has thousands of lines and each has three or four numbers.
 */
function digits(text: string | undefined): number | undefined {
  if (text === undefined || text.length === 0) return undefined;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  // Past 2^53 the loop's rounding may differ from the parser's: let Number() round it.
  return text.length > 15 ? Number(text) : n;
}

function number(text: string | undefined, field: string, line: string, at?: number): number {
  const n = digits(text);
  if (n === undefined) throw new MountInfoError("ENUMBER", field, line, at);
  return n;
}

function optionList(text: string): string[] {
  return text === "" ? [] : text.split(",");
}

/** N of the first optional field `<tag>N` (tag with its colon), if that N is decimal. */
function tagged(fields: readonly string[], tag: string): number | undefined {
  for (const field of fields) if (field.startsWith(tag)) return digits(field.slice(tag.length));
  return undefined;
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
  const mountId = number(fields[0], "mount ID", line, lineNumber);
  const parentId = number(fields[1], "parent ID", line, lineNumber);
  const device = fields[2] as string;
  const colon = device.indexOf(":");
  if (colon < 0 || device.indexOf(":", colon + 1) >= 0)
    throw new MountInfoError("ENUMBER", "major:minor", line, lineNumber);
  const major = number(device.slice(0, colon), "major:minor", line, lineNumber);
  const minor = number(device.slice(colon + 1), "major:minor", line, lineNumber);
  const root = unescapeOctal(fields[3] as string);
  const mountPoint = unescapeOctal(fields[4] as string);
  const mountOptions = optionList(fields[5] as string);
  const fsType = unescapeOctal(fields[separator + 1] as string);
  const source = unescapeOctal(fields[separator + 2] as string);
  const superText = fields[separator + 3] as string;
  const superOptions = superText.includes("\\")
    ? optionList(superText).map(unescapeOctal)
    : optionList(superText);
  if (separator === 6) {
    // No optional fields: a private mount (most lines), one object shape.
    const optionalFields: string[] = [];
    const propagation: Propagation = "private";
    return {
      mountId,
      parentId,
      major,
      minor,
      root,
      mountPoint,
      mountOptions,
      optionalFields,
      fsType,
      source,
      superOptions,
      propagation,
    };
  }
  const optionalFields = fields.slice(6, separator);
  const peerGroup = tagged(optionalFields, "shared:");
  const masterGroup = tagged(optionalFields, "master:");
  const propagateFrom = tagged(optionalFields, "propagate_from:");
  // Built key by key so the optional keys are absent, not undefined, in the usual order.
  const entry = { mountId, parentId, major, minor, root, mountPoint, mountOptions, optionalFields };
  const out = entry as Partial<MountInfoEntry> as MountInfoEntry;
  if (peerGroup !== undefined) out.peerGroup = peerGroup;
  if (masterGroup !== undefined) out.masterGroup = masterGroup;
  if (propagateFrom !== undefined) out.propagateFrom = propagateFrom;
  out.fsType = fsType;
  out.source = source;
  out.superOptions = superOptions;
  out.propagation =
    peerGroup !== undefined
      ? "shared"
      : masterGroup !== undefined
        ? "slave"
        : optionalFields.includes("unbindable")
          ? "unbindable"
          : "private";
  return out;
}
