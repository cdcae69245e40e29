import type { JournalEntry } from "./JournalEntry.ts";

/**
 * The schema of a journal line, as data: each entry kind's fields and their types. A journal is
 * input (a file on disk), so every line is checked against it before any field is used.
 */
type FieldType =
  | "string"
  | "path"
  | "uint"
  | "boolean"
  | "strings"
  | "paths"
  | "identity"
  | "identities"
  | "expectations";

const IDENTITY: Record<string, FieldType> = {
  id: "uint",
  unique: "uint",
  parent: "uint",
  parentUnique: "uint",
  at: "string",
};

const ENTRIES: Record<JournalEntry["t"], Record<string, FieldType>> = {
  begin: {
    v: "uint",
    bundleDir: "path",
    bundleDev: "string",
    bundleIno: "string",
    rootfs: "path",
    rootfsReal: "path",
    rootfsDev: "string",
    rootfsIno: "string",
    mntns: "uint",
    proof: "string",
    base: "identity",
    steps: "strings",
    pid: "uint",
    startedAt: "string",
  },
  intent: { why: "string", target: "path", at: "path", after: "uint" },
  created: { why: "string", paths: "paths" },
  mounted: {
    why: "string",
    target: "path",
    recursive: "boolean",
    mount: "identity",
    below: "identities",
  },
  complete: { expectations: "expectations" },
};

type Fields = readonly (readonly [name: string, type: FieldType])[];
const IDENTITY_FIELDS: Fields = Object.entries(IDENTITY);
const ENTRY_FIELDS = {} as Record<JournalEntry["t"], Fields>;
for (const t of Object.keys(ENTRIES) as JournalEntry["t"][]) {
  ENTRY_FIELDS[t] = Object.entries(ENTRIES[t]);
}

/**
 * Checks one parsed journal line; returns what is wrong (`mounted.mount.id: expected uint`) or
 * `null` when it fits. Paths must be absolute and free of NUL; IDs non-negative safe integers.
 */
export function journalEntryProblem(value: unknown): string | null {
  if (!isObject(value)) return "not an object";
  const t = value.t;
  if (typeof t !== "string" || !(t in ENTRIES)) return `t: unknown entry kind ${JSON.stringify(t)}`;
  // Checked once per line of every journal read (2 lines per mount): the field lists are
  // taken apart once, not per entry.
  const fields = ENTRY_FIELDS[t as JournalEntry["t"]];
  for (let i = 0; i < fields.length; i++) {
    const [name, type] = fields[i]!;
    const problem = fieldProblem(value[name], type);
    if (problem) return `${t}.${name}: ${problem}`;
  }
  if (t === "begin" && value.proof !== "unique" && value.proof !== "place")
    return "begin.proof: expected unique or place";
  return null;
}

function fieldProblem(v: unknown, type: FieldType): string | null {
  switch (type) {
    case "string":
      return typeof v === "string" && !v.includes("\0") ? null : "expected a string";
    case "path":
      return isPath(v) ? null : "expected an absolute path";
    case "uint":
      return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? null : "expected uint";
    case "boolean":
      return typeof v === "boolean" ? null : "expected a boolean";
    case "strings":
      return Array.isArray(v) && allStrings(v) ? null : "expected strings";
    case "paths":
      return Array.isArray(v) && allPaths(v) ? null : "expected absolute paths";
    case "identity":
      return identityProblem(v);
    case "identities":
      if (!Array.isArray(v)) return "expected an array";
      for (const item of v) {
        const p = identityProblem(item);
        if (p) return p;
      }
      return null;
    case "expectations":
      return Array.isArray(v) &&
        v.every(
          (e) =>
            isObject(e) &&
            typeof e.why === "string" &&
            typeof e.mountId === "number" &&
            Array.isArray(e.on) &&
            Array.isArray(e.off),
        )
        ? null
        : "expected expectations";
  }
}

/** `rootStatOf`'s shape: `major:minor inode`, then `seconds.nanoseconds` when known. */
const ROOT_STAT = /^\d+:\d+ \d+( -?\d+\.\d{9})?$/;

function identityProblem(v: unknown): string | null {
  if (!isObject(v)) return "expected a mount identity";
  for (let i = 0; i < IDENTITY_FIELDS.length; i++) {
    const [name, type] = IDENTITY_FIELDS[i]!;
    const p = fieldProblem(v[name], type);
    if (p) return `${name}: ${p}`;
  }
  // Optional (place proof only, and absent from older journals).
  if (v.rootStat !== undefined && (typeof v.rootStat !== "string" || !ROOT_STAT.test(v.rootStat)))
    return "rootStat: expected major:minor inode [birth time]";
  return null;
}

function allStrings(v: readonly unknown[]): boolean {
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
  return true;
}

function allPaths(v: readonly unknown[]): boolean {
  for (let i = 0; i < v.length; i++) if (!isPath(v[i])) return false;
  return true;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isPath(v: unknown): boolean {
  return typeof v === "string" && v.startsWith("/") && !v.includes("\0");
}
