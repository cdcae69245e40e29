/**
 * Checks anyone can run on the layering rules of docs/ARCHITECTURE.md, as plain scans of the
 * source files (no build, no privileges, well under a second): the kernel is reached through
 * the `Syscalls` seam only, every kernel constant lives in mount-flags, the CLI reads errors by
 * their fields, and oci-spec's option names are mount-flags' tables. Each rule names the files
 * it allows, and why. A rule is a pattern, so it can be fooled on purpose; it is here to catch
 * the accidental copy, and says where.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  MOUNT_OPTIONS,
  OPERATION_OPTIONS,
  PROPAGATION_OPTIONS,
  RECURSIVE_OPTIONS,
} from "@ocimount/mount-flags";
import { ERRNO_TABLE } from "@ocimount/mount-flags/errors";
import { KNOWN_MOUNT_OPTIONS } from "@ocimount/oci-spec";

const REPO = join(import.meta.dir, "..");
const SELF = "tests/architecture.test.ts";

/** Every TypeScript and JavaScript source of the workspace, as repository paths. */
const FILES: readonly string[] = [
  ...new Bun.Glob("{packages,apps,tests,bench,scripts,examples}/**/*.{ts,mts,js,mjs}").scanSync({
    cwd: REPO,
  }),
]
  .filter((f) => !/(^|\/)(node_modules|dist|\.turbo)\//.test(f))
  .sort();

const text = new Map(FILES.map((f) => [f, readFileSync(join(REPO, f), "utf8")]));

/** Tests and fixtures: they check the seam against the real kernel, or run scripts in a child. */
const isTestCode = (f: string) =>
  /\.(test|fixture)\.ts$/.test(f) || /^(tests|bench)\//.test(f) || f.includes("/fixtures/");

/** Code the packages and the CLI ship. */
const isShipped = (f: string) => /^(packages|apps)\/[^/]+\/(src|bin)\//.test(f) && !isTestCode(f);

/** `path:line: the line` for every line of `file` matching `pattern`. */
function hits(file: string, pattern: RegExp): string[] {
  const lines = (text.get(file) ?? "").split("\n");
  return lines.flatMap((line, i) =>
    pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
  );
}

/** A /proc path in a string: "/proc/self/...", `/proc/${pid}/...`, "/proc". */
const PROC_LITERAL = /["'`]\/proc(\/|["'`])/;
/** A node:fs (or Bun) read or write of a /proc path written in place. */
const PROC_FS_CALL =
  /\b(readFileSync|readlinkSync|writeFileSync|openSync|readdirSync|statSync|lstatSync|existsSync|realpathSync|readFile|readlink|writeFile|opendir|Bun\.file|Bun\.write)\(\s*["'`]\/proc/;
/** A file that does file I/O of its own, not through `Syscalls`. */
const DOES_FILE_IO = /from "node:fs(\/promises)?"|\bBun\.(file|write)\(/;

describe("/proc is read and written only behind the Syscalls seam (packages/mounter/src/sys/)", () => {
  const seam = (f: string) => f.startsWith("packages/mounter/src/sys/");
  test("the patterns catch a read of /proc, not a name handed to the seam", () => {
    const reads = [
      'readFileSync("/proc/self/mountinfo", "utf8")',
      "readlinkSync(`/proc/$PID/ns/user`)",
      'Bun.file("/proc/self/status")',
    ];
    expect(reads.filter((l) => !PROC_FS_CALL.test(l))).toEqual([]);
    expect(PROC_FS_CALL.test('sys.readTextFile("/proc/self/status")')).toBe(false);
    expect(PROC_LITERAL.test("const ns = `/proc/$PID/ns/user`;")).toBe(true);
    expect(PROC_LITERAL.test("/** reads /proc/self/status */")).toBe(false);
  });
  test("no node:fs call on a /proc path outside it", () => {
    const found = FILES.filter((f) => isShipped(f) && !seam(f)).flatMap((f) =>
      hits(f, PROC_FS_CALL),
    );
    expect(found).toEqual([]);
  });
  test("no file doing its own file I/O names a /proc path (it would read it around the seam)", () => {
    // Names handed to the seam (sys.readTextFile("/proc/self/status"), procFd's magic links
    // for mount(2)) are fine: the fake answers them. A file that imports node:fs and names
    // /proc is the leak this catches, whatever variable carries the path.
    const found = FILES.filter(
      (f) => isShipped(f) && !seam(f) && DOES_FILE_IO.test(text.get(f) ?? ""),
    ).flatMap((f) => hits(f, PROC_LITERAL));
    expect(found).toEqual([]);
  });
});

/** Prefixes of the kernel's constants (mount, fs, openat2, statx, namespaces, syscall numbers). */
const KERNEL_PREFIXES = [
  "MS",
  "MNT",
  "MOUNT_ATTR",
  "AT",
  "O",
  "RESOLVE",
  "ST",
  "FSCONFIG",
  "FSOPEN",
  "FSMOUNT",
  "OPEN_TREE",
  "MOVE_MOUNT",
  "UMOUNT",
  "CLONE",
  "STATX",
  "STATMOUNT",
  "S_IF",
  "RENAME",
  "SYS",
];
const NUMBER = String.raw`-?(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|\d[\d_]*)n?\b`;
/** A kernel name given a number (`O_PATH` as a literal), not compared with one. */
const KERNEL_NAME = `(?:${KERNEL_PREFIXES.join("|")})_[A-Z0-9_]+`;
const ERRNO_NAME = `(?:${ERRNO_TABLE.map(([, name]) => name).join("|")})`;
/** `NAME = 1` (an assignment, not `===`) or `{ NAME: 1 }` (a property, not `c ? NAME : 0`). */
const defines = (name: string) =>
  new RegExp(
    String.raw`\b${name}\s*(?<![=!<>])=(?!=)\s*${NUMBER}|(?:^|[{,])\s*${name}\s*:\s*${NUMBER}`,
  );
const KERNEL_CONSTANT = defines(KERNEL_NAME);
/** An errno defined by hand (they are `ERRNO.EPERM` from mount-flags/errors). */
const ERRNO_CONSTANT = defines(ERRNO_NAME);

test("the constant patterns catch definitions, not uses", () => {
  const DEFINED = [
    "const O_PATH = 0o10000000;",
    "const O_PATH = 0o10000000, AT_FDCWD = -100;",
    "export const MS_BIND = 0x1000;",
    "const T = { MS_BIND: 4096, MS_REC: 0x4000 };",
    "const EPERM = 1;",
  ];
  const USED = [
    "if (flags === MS_BIND) return;",
    "const flags = AT_EMPTY_PATH | (r ? AT_RECURSIVE : 0);",
    "const mask = MS_BIND | 1;",
    "const { ENOSYS } = ERRNO;",
    "if (e.errno !== EPERM) throw e;",
  ];
  const caught = (line: string) => KERNEL_CONSTANT.test(line) || ERRNO_CONSTANT.test(line);
  expect(DEFINED.filter((l) => !caught(l))).toEqual([]);
  expect(USED.filter(caught)).toEqual([]);
});

test("no file outside packages/mount-flags defines a kernel constant or an errno", () => {
  // Tests too: a test with its own O_PATH checks nothing if mount-flags' value is wrong.
  // This file is left out: it spells the patterns.
  const outside = (f: string) => !f.startsWith("packages/mount-flags/") && f !== SELF;
  const found = FILES.filter(outside).flatMap((f) => [
    ...hits(f, KERNEL_CONSTANT),
    ...hits(f, ERRNO_CONSTANT),
  ]);
  expect(found).toEqual([]);
});

/** One rule over the CLI's shipped files, with lines it must catch and lines it must let pass. */
interface CliRule {
  name: string;
  pattern: RegExp;
  /** Files the rule does not apply to, each with its reason beside it. */
  allowed?: readonly string[];
  catches: readonly string[];
  passes: readonly string[];
}

const CLI_RULES: readonly CliRule[] = [
  {
    name: "no instanceof of an error class (instanceof Error alone is not a class of ours)",
    pattern: /\binstanceof\s+(?!Error\b)[A-Za-z_$][\w$]*Error\b/,
    catches: ["if (error instanceof MountError) {", "e instanceof BundleError"],
    passes: [
      "error instanceof Error ? error.message : String(error)",
      "x instanceof ErrorBoundaryish",
    ],
  },
  {
    name: "no comparing an error's name or constructor",
    pattern:
      /\.name\s*[!=]==?\s*["'`]\w*Error["'`]|["'`]\w*Error["'`]\s*[!=]==?\s*\w+\.name\b|\.constructor\.name\b/,
    catches: ['if (e.name === "MountError")', '"HookError" !== err.name', "e.constructor.name"],
    passes: ['c.name === "status"', 'f.name === "idmap"'],
  },
  {
    name: "no matching an error's message (split, includes, a regular expression...)",
    pattern:
      /\.message\??\.(match|matchAll|includes|startsWith|endsWith|split|indexOf|lastIndexOf|search|replace|replaceAll|slice|substring|at)\(|\.(exec|test|match)\([^)]*\.message\b/,
    catches: [
      'e.message.split(": ")',
      "/'(-[^' ]*)/.exec(error.message)",
      "err.message?.includes(x)",
    ],
    passes: ["oneLine(error.message)", "{ path: i.path, message: i.message }"],
  },
  {
    name: "an error's message is read only where errors become text, to print it whole",
    pattern: /\b(error|err|e|cause|reason|x)\??\.message\b/,
    // errors.ts prints a foreign error's message as it is (`unexpected error: ...`, citty's
    // own usage errors), after oneLine/stripAnsi; it never looks inside it.
    allowed: ["apps/cli/src/errors.ts"],
    catches: ["const message = error.message;", "const m = e?.message;"],
    passes: ["first?.message", "w.message", "issue.message"],
  },
];

describe("the CLI reads errors by their fields: never by class, never from the message", () => {
  const cli = FILES.filter((f) => f.startsWith("apps/cli/src/") && isShipped(f));
  for (const rule of CLI_RULES) {
    test(rule.name, () => {
      expect(rule.catches.filter((l) => !rule.pattern.test(l))).toEqual([]);
      expect(rule.passes.filter((l) => rule.pattern.test(l))).toEqual([]);
      const found = cli
        .filter((f) => !rule.allowed?.includes(f))
        .flatMap((f) => hits(f, rule.pattern));
      expect(found).toEqual([]);
    });
  }
});

test("oci-spec's known mount options are exactly mount-flags' tables, and come from them", () => {
  const tables = [
    ...MOUNT_OPTIONS,
    ...PROPAGATION_OPTIONS,
    ...RECURSIVE_OPTIONS,
    ...OPERATION_OPTIONS,
  ];
  expect([...KNOWN_MOUNT_OPTIONS].sort()).toEqual([...new Set(tables.map((o) => o.option))].sort());
  // Derived, not restated: the file imports the tables and spells no option itself.
  const source = text.get("packages/oci-spec/src/lint/knownMountOptions.ts") ?? "";
  expect(source).toContain('from "@ocimount/mount-flags"');
  const spelled = tables.filter((o) => source.includes(`"${o.option}"`)).map((o) => o.option);
  expect(spelled).toEqual([]);
});

test("the scans see the workspace (a rule over no files proves nothing)", () => {
  expect(FILES).toContain("packages/mounter/src/sys/ffi.ts");
  expect(FILES).toContain("apps/cli/src/errors.ts");
  expect(FILES.filter(isShipped).length).toBeGreaterThan(200);
});
