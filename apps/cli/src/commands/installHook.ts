import { existsSync, readdirSync, readFileSync, rmdirSync, unlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineCommand } from "citty";
import { CliError } from "../CliError.ts";
import { jsonArg } from "../commonArgs.ts";
import { output } from "../Output.ts";
import { oneLine } from "../oneLine.ts";
import { UsageError } from "../UsageError.ts";
import {
  DEFAULT_HOOK_TIMEOUT,
  DEFAULT_HOOKS_DIR,
  DEFAULT_PREFIX,
  formatHookDefinition,
  HOOK_FILE_NAME,
  hookDefinition,
} from "./installHookDefinition.ts";
import { fsFailure, makeDirs, replaceFile, sha256OfFile, type Undo } from "./installHookFiles.ts";
import { PAYLOAD_NAME, SUMS_NAME, sourceFiles } from "./installHookSource.ts";

/** Example invocations for `ocimount install-hook --help`. */
export const examples = [
  "sudo ./linux-x64/ocimount install-hook   # the sealed executable, checked against SHA256SUMS",
  "sudo ocimount install-hook --from ./ocimount --sha256 0123...cdef --dry-run",
  "sudo ocimount install-hook --hooks-dir /etc/containers/oci/hooks.d",
  "sudo ocimount install-hook --uninstall",
  "ocimount install-hook --from /ocimount --root /host   # in a DaemonSet pod, the node's / at /host",
];

/** What each kind of action reads as, done and under `--dry-run`. */
const PHRASES = {
  install: ["installed", "would install"],
  keep: ["already installed", "already installed"],
  write: ["wrote", "would write"],
  remove: ["removed", "would remove"],
} as const;

/** One thing install-hook does, in order; `--dry-run` prints them. */
interface Action {
  action: keyof typeof PHRASES;
  path: string;
  sha256?: string;
  /** The hook definition's text, for `write`. */
  text?: string;
}

function timeoutOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_HOOK_TIMEOUT;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1)
    throw new UsageError(`--timeout: expected whole seconds (>= 1), got '${text}'`);
  return n;
}

/** Installs the executable (payload, then front), then the hook definition; a failure undoes every step before it. */
function install(args: InstallArgs, dryRun: boolean): Action[] {
  const files = sourceFiles(args.from, args.sha256);
  const exePath = join(args.prefix, "ocimount");
  const prefixDir = join(args.root, args.prefix);
  const hooksDir = join(args.root, args.hooksDir);
  const jsonPath = join(hooksDir, HOOK_FILE_NAME);
  const text = formatHookDefinition(hookDefinition(exePath, { timeout: args.timeout }));
  const steps = files.map((f) => {
    const target = join(prefixDir, f.name);
    return { ...f, target, same: sha256OfFile(target) === f.sha256 };
  });
  // the installed copy can check itself (and run install-hook again) like the release it came from
  const sumsPath = join(prefixDir, SUMS_NAME);
  const sums = files.map((f) => `${f.sha256}  ${f.name}\n`).join("");
  const sameSums = existsSync(sumsPath) && readFileSync(sumsPath, "utf8") === sums;
  const actions: Action[] = [
    ...steps.map(
      (f): Action => ({ action: f.same ? "keep" : "install", path: f.target, sha256: f.sha256 }),
    ),
    ...(sameSums ? [] : [{ action: "write", path: sumsPath } as const]),
    { action: "write", path: jsonPath, text },
  ];
  if (dryRun) return actions;

  const undo: Undo[] = [];
  const commits: (() => void)[] = [];
  try {
    undo.push(makeDirs(prefixDir));
    for (const f of steps.filter((x) => !x.same)) {
      const done = replaceFile(f.target, readFileSync(f.from), 0o755, f.sha256);
      undo.push(done.undo);
      commits.push(done.commit);
    }
    if (!sameSums) {
      const done = replaceFile(sumsPath, new TextEncoder().encode(sums), 0o644);
      undo.push(done.undo);
      commits.push(done.commit);
    }
    undo.push(makeDirs(hooksDir));
    const json = replaceFile(jsonPath, new TextEncoder().encode(text), 0o644);
    commits.push(json.commit);
  } catch (e) {
    for (const u of undo.reverse()) {
      try {
        u();
      } catch {
        // keep undoing the rest; the first error is the one reported
      }
    }
    throw e;
  }
  for (const c of commits) c();
  return actions;
}

/**
 * Removes the hook definition first (so no runtime picks up a hook whose binary is gone), then
 * the front, then its payload, then the prefix directory if that left it empty.
 */
function uninstall(args: InstallArgs, dryRun: boolean): Action[] {
  const exePath = join(args.prefix, "ocimount");
  const prefixDir = join(args.root, args.prefix);
  const jsonPath = join(args.root, args.hooksDir, HOOK_FILE_NAME);
  const actions: Action[] = [];
  if (existsSync(jsonPath)) {
    const path = hookPathOf(jsonPath);
    if (path !== exePath) {
      throw new CliError({
        code: "EEXIST",
        what: "hook definition runs another executable, not removed",
        where: jsonPath,
        text: `its hook.path is ${path ?? "missing"}, not ${exePath}`,
      });
    }
    actions.push({ action: "remove", path: jsonPath });
  }
  for (const name of ["ocimount", PAYLOAD_NAME, SUMS_NAME]) {
    const path = join(prefixDir, name);
    if (existsSync(path)) actions.push({ action: "remove", path });
  }
  if (dryRun) return actions;
  for (const a of actions) {
    try {
      unlinkSync(a.path);
    } catch (e) {
      throw fsFailure(e, "remove failed", a.path);
    }
  }
  if (existsSync(prefixDir) && readdirSync(prefixDir).length === 0) {
    rmdirSync(prefixDir);
    actions.push({ action: "remove", path: prefixDir });
  }
  return actions;
}

function hookPathOf(jsonPath: string): string | undefined {
  try {
    const doc = JSON.parse(readFileSync(jsonPath, "utf8")) as { hook?: { path?: unknown } };
    return typeof doc.hook?.path === "string" ? doc.hook.path : undefined;
  } catch {
    return undefined;
  }
}

interface InstallArgs {
  /** Where the node's `/` is (`--root`, e.g. a hostPath in a DaemonSet pod); paths in the definition are the node's. */
  root: string;
  from: string | undefined;
  sha256: string | undefined;
  prefix: string;
  hooksDir: string;
  timeout: number;
}

/**
 * `ocimount install-hook [--from FILE] [--sha256 HEX] [--prefix DIR] [--hooks-dir DIR]
 * [--root DIR] [--timeout S] [--uninstall] [--dry-run] [--json]`: installs the sealed executable
 * (`ocimount-bun`, then its front `ocimount`) into `<prefix>` after checking their sha256, then writes `<hooks-dir>/50-ocimount.json`
 * (temp file + rename), in that order because the hooks library refuses a hook whose binary
 * does not exist. A failure undoes what this run did; no hook definition is left behind.
 * `--uninstall` removes the definition first, then the executable. `--root DIR` writes under
 * DIR as if it were `/` (a node's root mounted into a pod); the definition names the node's paths.
 */
export default defineCommand({
  meta: {
    name: "install-hook",
    description: "Install the executable and the podman/CRI-O hooks.d definition",
  },
  args: {
    from: {
      type: "string",
      description: "The executable to install (default: this one)",
      valueHint: "FILE",
    },
    sha256: {
      type: "string",
      description: "Its sha256, for a single file (default: SHA256SUMS or FILE.sha256 beside it)",
      valueHint: "HEX",
    },
    prefix: {
      type: "string",
      description: `Where it goes (default ${DEFAULT_PREFIX})`,
      valueHint: "DIR",
    },
    "hooks-dir": {
      type: "string",
      description: `Where the hook definition goes (default ${DEFAULT_HOOKS_DIR})`,
      valueHint: "DIR",
    },
    timeout: {
      type: "string",
      description: `Hook timeout in seconds (default ${DEFAULT_HOOK_TIMEOUT})`,
      valueHint: "S",
    },
    root: {
      type: "string",
      description: "Install under DIR as the node's / (the definition names the node's paths)",
      valueHint: "DIR",
    },
    uninstall: { type: "boolean", description: "Remove the hook definition, then the executable" },
    "dry-run": { type: "boolean", description: "Print what would be done; change nothing" },
    json: jsonArg,
  },
  async run({ args }) {
    const out = output();
    const opts: InstallArgs = {
      root: resolve(args.root ?? "/"),
      from: args.from,
      sha256: args.sha256,
      prefix: resolve(args.prefix ?? DEFAULT_PREFIX),
      hooksDir: resolve(args["hooks-dir"] ?? DEFAULT_HOOKS_DIR),
      timeout: timeoutOf(args.timeout),
    };
    const dryRun = args["dry-run"] === true;
    const actions = args.uninstall ? uninstall(opts, dryRun) : install(opts, dryRun);
    if (args.json) {
      out.json({ version: 1, dryRun, actions });
      return;
    }
    if (actions.length === 0) out.out("nothing installed, nothing to do");
    for (const a of actions) {
      const sha = a.sha256 ? ` (sha256 ${a.sha256})` : "";
      out.out(`${PHRASES[a.action][dryRun ? 1 : 0]} ${oneLine(a.path)}${sha}`);
      if (dryRun && a.text) out.out(a.text.trimEnd());
    }
  },
});
