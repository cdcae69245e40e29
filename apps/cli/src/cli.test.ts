import { describe, expect, test } from "bun:test";
import { COMMANDS } from "./commandTable.ts";
import { lines, runCli } from "./runCli.fixture.ts";

test("--version prints the package version", async () => {
  const pkg = await Bun.file(new URL("../package.json", import.meta.url)).json();
  const r = runCli(["--version"]);
  expect(r.exitCode).toBe(0);
  expect(r.stdout.trim()).toBe(pkg.version);
});

test("--help lists every command and exits 0", () => {
  const r = runCli(["--help"]);
  expect(r.exitCode).toBe(0);
  for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
  expect(r.stdout).toContain("EXIT STATUS");
});

describe("each command's --help shows its options and an example, exit 0", () => {
  for (const c of COMMANDS) {
    test(c.name, () => {
      const r = runCli([c.name, "--help"]);
      expect(r.stderr).toBe("");
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain(`ocimount ${c.name}`);
      expect(r.stdout).toContain("EXAMPLES");
      expect(r.stdout).not.toContain("\u001b[");
    });
  }
});

const USAGE_ERRORS: { name: string; args: string[]; message: string }[] = [
  { name: "no command", args: [], message: "ocimount: no command given" },
  { name: "unknown command", args: ["mount"], message: "ocimount: unknown command 'mount'" },
  {
    name: "a misspelt command",
    args: ["stauts"],
    message: "ocimount: unknown command 'stauts' (did you mean 'status'?)",
  },
  {
    name: "a misspelt option",
    args: ["setup", "--bundel", "b"],
    message: "ocimount: setup: unknown option --bundel (did you mean '--bundle'?)",
  },
  {
    name: "a misspelt option with its value",
    args: ["plan", "--jsno=1"],
    message: "ocimount: plan: unknown option --jsno (did you mean '--json'?)",
  },
  {
    name: "a misspelt enum value",
    args: ["validate", "--kind", "feature", "x"],
    message: "(got 'feature') (did you mean 'features'?)",
  },
  {
    name: "option before the command",
    args: ["--json", "flags", "ro"],
    message: "unknown option --json",
  },
  {
    name: "unknown option",
    args: ["validate", "--bogus", "x"],
    message: "ocimount: validate: unknown option --bogus",
  },
  {
    name: "unknown short option",
    args: ["flags", "-x"],
    message: "ocimount: flags: unknown option -x",
  },
  {
    name: "option without value",
    args: ["resolve", "/a", "--root"],
    message: "option --root needs a value",
  },
  {
    name: "option value looks like an option",
    args: ["resolve", "--root", "--json", "/a"],
    message: "--root needs a value",
  },
  {
    name: "empty option value",
    args: ["resolve", "--root=", "/a"],
    message: "--root needs a non-empty value",
  },
  {
    name: "repeated option",
    args: ["resolve", "--root", "a", "--root", "b", "/a"],
    message: "given more than once",
  },
  {
    name: "boolean with a value",
    args: ["flags", "--json=yes", "ro"],
    message: "--json takes no value",
  },
  {
    name: "bad --kind",
    args: ["validate", "--kind", "runtime", "x"],
    message: "--kind must be one of config, state, features",
  },
  {
    name: "validate without PATH",
    args: ["validate"],
    message: "ocimount: validate: missing PATH",
  },
  {
    name: "validate reading stdin twice",
    args: ["validate", "-", "-"],
    message: "stdin (-) given twice",
  },
  {
    name: "resolve without --root",
    args: ["resolve", "/etc"],
    message: "ocimount: resolve: missing option --root DIR",
  },
  {
    name: "resolve without PATH",
    args: ["resolve", "--root", "/"],
    message: "ocimount: resolve: missing PATH",
  },
  { name: "flags without OPTION", args: ["flags"], message: "ocimount: flags: missing OPTION" },
  {
    name: "flags with only commas",
    args: ["flags", ",,"],
    message: "ocimount: flags: missing OPTION",
  },
  {
    name: "plan takes no arguments",
    args: ["plan", "bundle"],
    message: "unexpected argument 'bundle'",
  },
  {
    name: "setup --bundle without value",
    args: ["setup", "--bundle"],
    message: "--bundle needs a value",
  },
  {
    name: "unknown option of status",
    args: ["status", "--verbose"],
    message: "unknown option --verbose",
  },
  {
    name: "teardown --bundle twice",
    args: ["teardown", "--bundle", "a", "--bundle", "b"],
    message: "given more than once",
  },
  {
    name: "setup --dry-run=yes",
    args: ["setup", "--dry-run=yes"],
    message: "--dry-run takes no value",
  },
  {
    name: "--version with more arguments",
    args: ["--version", "x"],
    message: "unknown option --version",
  },
];

describe("usage errors exit 2 with one line and one hint on stderr", () => {
  for (const row of USAGE_ERRORS) {
    test(row.name, () => {
      const r = runCli(row.args);
      expect(r.exitCode).toBe(2);
      if (row.args.includes("--json")) expect(JSON.parse(r.stdout).error.code).toBe("EUSAGE");
      else expect(r.stdout).toBe("");
      const err = lines(r.stderr);
      expect(err).toHaveLength(2);
      expect(err[0]).toContain(row.message);
      expect(err[0]?.startsWith("ocimount: ")).toBe(true);
      expect(err[1]).toMatch(/^Run 'ocimount( \w+)? --help' for usage\.$/);
    });
  }
});

test("a usage error with --json also prints a JSON error object on stdout", () => {
  const r = runCli(["flags", "--json", "--bogus"]);
  expect(r.exitCode).toBe(2);
  expect(JSON.parse(r.stdout)).toEqual({
    error: { code: "EUSAGE", message: "unknown option --bogus", where: null },
  });
});

test("--help after -- is an argument, not a request for help", () => {
  const r = runCli(["flags", "--", "--help"]);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain("--help");
  expect(r.stdout).not.toContain("EXAMPLES");
});

test("a hostile command name cannot break the error line", () => {
  const r = runCli(["evil\ncommand\u001b[31m"]);
  expect(r.exitCode).toBe(2);
  const err = lines(r.stderr);
  expect(err).toHaveLength(2);
  expect(err[0]).toBe("ocimount: unknown command 'evil\\ncommand\\x1b[31m'");
});
