import { describe, expect, test } from "bun:test";
import type { ArgsDef } from "citty";
import { parseCommandArgs } from "./parseCommandArgs.ts";

const DEFS: ArgsDef = {
  path: { type: "positional", required: false },
  root: { type: "string", valueHint: "DIR" },
  kind: { type: "enum", options: ["config", "state"], default: "config" },
  json: { type: "boolean" },
  verbose: { type: "boolean", alias: "v" },
};

const PARSED: { name: string; args: string[]; parsed: Record<string, unknown> }[] = [
  {
    name: "defaults",
    args: [],
    parsed: { _: [], path: undefined, root: undefined, kind: "config", json: undefined },
  },
  {
    name: "--name value, --name=value, a boolean, a positional",
    args: ["--root", "/r", "--kind=state", "--json", "p"],
    parsed: { _: ["p"], path: "p", root: "/r", kind: "state", json: true },
  },
  {
    name: "a value starting with '-' after '='",
    args: ["--root=-x"],
    parsed: { root: "-x" },
  },
  { name: "a lone - is an argument", args: ["--root", "-", "-"], parsed: { root: "-", path: "-" } },
  {
    name: "everything after -- is positional",
    args: ["--", "--json", "-v"],
    parsed: { _: ["--json", "-v"], path: "--json", json: undefined },
  },
  { name: "a one-letter alias", args: ["-v"], parsed: { verbose: true } },
  { name: "a repeated boolean", args: ["--json", "--json"], parsed: { json: true } },
];

describe("parseCommandArgs", () => {
  for (const row of PARSED) {
    test(row.name, () => {
      expect(parseCommandArgs(row.args, DEFS)).toMatchObject(row.parsed);
    });
  }
});

const REFUSED: { name: string; args: string[]; defs?: ArgsDef; detail: string }[] = [
  { name: "unknown", args: ["--bogus"], detail: "unknown option --bogus" },
  {
    name: "unknown, with its value",
    args: ["--jsno=1"],
    detail: "unknown option --jsno (did you mean '--json'?)",
  },
  { name: "unknown short", args: ["-x"], detail: "unknown option -x" },
  { name: "a boolean with a value", args: ["--json=yes"], detail: "option --json takes no value" },
  {
    name: "no value at the end",
    args: ["--root"],
    detail: "option --root needs a value (write --root=VALUE for values starting with '-')",
  },
  {
    name: "a value that looks like an option",
    args: ["--root", "--json"],
    detail: "option --root needs a value (write --root=VALUE for values starting with '-')",
  },
  { name: "an empty value", args: ["--root="], detail: "option --root needs a non-empty value" },
  {
    name: "given twice",
    args: ["--root", "a", "--root=b"],
    detail: "option --root given more than once",
  },
  {
    name: "an enum value outside its list",
    args: ["--kind", "stat"],
    detail: "option --kind must be one of config, state (got 'stat') (did you mean 'state'?)",
  },
  {
    name: "a required option missing",
    args: [],
    defs: { root: { type: "string", required: true, valueHint: "DIR" } },
    detail: "missing option --root DIR",
  },
  {
    name: "an argument to a command that takes none",
    args: ["x"],
    defs: { json: { type: "boolean" } },
    detail: "unexpected argument 'x'",
  },
];

describe("parseCommandArgs refuses, naming the argument", () => {
  for (const row of REFUSED) {
    test(row.name, () => {
      let error: unknown;
      try {
        parseCommandArgs(row.args, row.defs ?? DEFS);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: "EUSAGE", detail: row.detail });
    });
  }
});
