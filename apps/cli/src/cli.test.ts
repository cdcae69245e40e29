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
    message: "--kind must be one of config, state, features, mounts",
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
    version: 1,
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

describe("ocimount help", () => {
  test("help COMMAND prints what COMMAND --help prints", () => {
    for (const name of ["setup", "flags", "version"]) {
      const r = runCli(["help", name]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe(runCli([name, "--help"]).stdout);
    }
  });
  test("help alone prints the root help", () => {
    const r = runCli(["help"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(runCli(["--help"]).stdout);
  });
  test("help of an unknown command is a usage error with a suggestion", () => {
    const r = runCli(["help", "stup"]);
    expect(r.exitCode).toBe(2);
    expect(lines(r.stderr)[0]).toBe(
      "ocimount: help: unknown command 'stup' (did you mean 'setup'?)",
    );
  });
});

describe("ocimount version", () => {
  const FEATURES = [
    "openat2",
    "mount API",
    "mount_setattr",
    "idmap",
    "STATX_MNT_ID_UNIQUE",
    "listmount/statmount",
  ];
  test("prints ocimount, Bun, the kernel and every feature probed", async () => {
    const pkg = await Bun.file(new URL("../package.json", import.meta.url)).json();
    const r = runCli(["version"]);
    expect(r.exitCode).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toBe(`ocimount ${pkg.version}`);
    expect(out[1]).toStartWith(`bun ${Bun.version} (`);
    expect(out[2]).toStartWith("kernel Linux ");
    expect(out[3]).toBe("kernel features:");
    for (const [i, name] of FEATURES.entries()) {
      expect(out[4 + i]).toMatch(new RegExp(`^  ${name} +(yes|no \\(E[A-Z]+\\)) +Linux \\d`));
    }
  });
  test("--json: one document with version 1 and the features", () => {
    const r = runCli(["version", "--json"]);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: 1, bun: { version: Bun.version }, kernel: {} });
    expect(doc.features.map((f: { name: string }) => f.name)).toEqual(FEATURES);
    for (const f of doc.features) expect(typeof f.available).toBe("boolean");
  });
  test("--version stays the bare version, one line", () => {
    const r = runCli(["--version"]);
    expect(lines(r.stdout)).toHaveLength(1);
  });
});
