// Test-only: a seeded generator of mutations of JSON documents for the differential test.

import { seededRandom } from "@ocimount/test-utils";

type Key = string | number;
type Random = () => number;

/** The shared seeded PRNG (mulberry32, from test-utils). */
export const createRandom: (seed: number) => Random = seededRandom;

const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** Integers at and around every bound in defs.json, plus non-integers and non-finite numbers. */
export const BOUNDARY_NUMBERS: readonly number[] = [
  ...[0, -0, 1, -1, 0.5, -1.5, 100, 101, 511, 512, 2 ** 53, 2 ** 53 + 2],
  ...[-129, -128, 127, 128, 255, 256, -32769, -32768, 32767, 32768, 65535, 65536],
  ...[-2147483649, -2147483648, 2147483647, 2147483648, 4294967295, 4294967296],
  ...[2 ** 63, -(2 ** 63), 2 ** 63 * 2, -(2 ** 63) * 2, 2 ** 64, 2 ** 65, 1e300, -1e300],
  ...[Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-7],
];

/** Strings that hit the patterns of the schema (both sides) and odd keys. */
const PATTERN_STRINGS = [
  ...["", "\n", "x", "2MB", "64kB", "0MB", "1GB", "10TB", "RLIMIT_CORE", "RLIMIT_", "rlimit_x"],
  ...["CAP_SYS_ADMIN", "CAP_", "cap_x", "c", "b", "u", "p", "x", "cb", "MB:0=1", "MB:\n", "MB"],
  ...["0-3, 5", "0-3;5", " ", "1.0.0", "constructor", "__proto__", "toString"],
];

const WRONG_TYPES: readonly unknown[] = [null, true, false, "s", 0, -1, 1.5, [], {}, [1], { a: 1 }];

function nodes(value: unknown, path: Key[] = [], out: { path: Key[]; value: unknown }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) {
    for (const [i, child] of value.entries()) nodes(child, [...path, i], out);
  } else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) nodes(child, [...path, key], out);
  }
  return out;
}

function setAt(root: { doc: unknown }, path: Key[], value: unknown): void {
  if (path.length === 0) {
    root.doc = value;
    return;
  }
  let parent = root.doc as Record<Key, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
  Object.defineProperty(parent, path.at(-1) as Key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

function deleteAt(root: { doc: unknown }, path: Key[]): void {
  let parent = root.doc as Record<Key, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
  const last = path.at(-1) as Key;
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
}

type Op = "wrongType" | "number" | "string" | "delete" | "addKey" | "push" | "empty" | "wrap";

function opsFor(value: unknown, path: Key[]): Op[] {
  const ops: Op[] = ["wrongType", "number", "string", "wrap"];
  if (typeof value === "number") ops.push("number", "number", "number", "number");
  if (typeof value === "string") ops.push("string", "string", "string");
  if (path.length > 0) ops.push("delete", "delete");
  if (Array.isArray(value)) ops.push("push", "push", "push", "empty");
  else if (value && typeof value === "object") ops.push("addKey", "addKey", "addKey");
  return ops;
}

/** Applies one random mutation in place; returns what it did. */
function mutateOnce(root: { doc: unknown }, random: Random, strings: readonly string[]): string {
  const all = nodes(root.doc);
  const { path, value } = pick(random, all);
  const where = `/${path.join("/")}`;
  switch (pick(random, opsFor(value, path))) {
    case "wrongType": {
      const wrong = structuredClone(pick(random, WRONG_TYPES));
      setAt(root, path, wrong);
      return `${where} = ${JSON.stringify(wrong)}`;
    }
    case "number": {
      const n = pick(random, BOUNDARY_NUMBERS);
      setAt(root, path, n);
      return `${where} = ${n}`;
    }
    case "string": {
      const s = pick(random, random() < 0.5 ? strings : PATTERN_STRINGS);
      setAt(root, path, s);
      return `${where} = ${JSON.stringify(s)}`;
    }
    case "delete":
      deleteAt(root, path);
      return `delete ${where}`;
    case "addKey": {
      const key = pick(random, [...PATTERN_STRINGS, "x-unknown", "type", "path", "limit", "names"]);
      const extra = structuredClone(
        random() < 0.5 ? pick(random, all).value : pick(random, WRONG_TYPES),
      );
      setAt(root, [...path, key], extra);
      return `${where}/${JSON.stringify(key)} = ${JSON.stringify(extra)?.slice(0, 40)}`;
    }
    case "push": {
      const list = value as unknown[];
      const item = random() < 0.6 && list.length > 0 ? pick(random, list) : pick(random, all).value;
      setAt(root, [...path, list.length], structuredClone(item));
      return `${where} push`;
    }
    case "empty":
      setAt(root, path, []);
      return `${where} = []`;
    case "wrap": {
      const wrapped =
        random() < 0.5 ? [structuredClone(value)] : { nested: structuredClone(value) };
      setAt(root, path, wrapped);
      return `${where} wrapped`;
    }
  }
}

/** A copy of `doc` with 1 to 3 random mutations, and a description of them. */
export function mutate(doc: unknown, random: Random, strings: readonly string[]) {
  const root = { doc: structuredClone(doc) };
  const steps: string[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) steps.push(mutateOnce(root, random, strings));
  return { doc: root.doc, steps };
}
