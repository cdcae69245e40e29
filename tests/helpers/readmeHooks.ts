/**
 * The README's hooks.d examples, read from the README itself so the engine tests run exactly
 * them: the `json` blocks and the `sh` blocks of its "podman and CRI-O: hooks.d" section.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { HookDefinition } from "ocimount";
import { BIN } from "../fixtures/hook/runc.ts";

const README = fileURLToPath(new URL("../../README.md", import.meta.url));

/** The README from `start` (a heading line) to `end` (or the end). */
function section(start = "\n### podman and CRI-O: hooks.d\n", end = "\n**Which stage.**"): string {
  const text = readFileSync(README, "utf8");
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`README.md has no '${start.trim()}' section`);
  const to = text.indexOf(end, from);
  return text.slice(from, to < 0 ? undefined : to);
}

function blocks(lang: string, text = section()): string[] {
  const found: string[] = [];
  const re = new RegExp(`\\n\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\``, "g");
  for (const m of text.matchAll(re)) found.push(m[1] ?? "");
  return found;
}

/**
 * The "## Hooks" section's first two blocks: the mounts FILE, and the runc `config.json`
 * `"hooks": {...}` fragment (returned as the object it is a member of).
 */
export function readmeRuncExample(): { mounts: unknown; hooks: Record<string, HookEntry[]> } {
  const [file, fragment] = blocks("json", section("\n## Hooks\n", "\n### podman and CRI-O"));
  if (file === undefined || fragment === undefined)
    throw new Error("README: ## Hooks lacks its two json blocks");
  const { hooks } = JSON.parse(`{${fragment}}`) as { hooks: Record<string, HookEntry[]> };
  return { mounts: JSON.parse(file), hooks };
}

/** A runtime-spec hook entry. */
export interface HookEntry {
  path: string;
  args?: string[];
  env?: string[];
  timeout?: number;
}

/** The section's hooks.d definitions, in order: the annotation form, then the `--mounts FILE` form. */
export function readmeHookDefinitions(): HookDefinition[] {
  return blocks("json").map((b) => JSON.parse(b) as HookDefinition);
}

/** The section's shell blocks, in order. */
export function readmeShellBlocks(): string[] {
  return blocks("sh");
}

/**
 * `def` as the tests can run it from the source tree: the same definition with `hook.path` the
 * running `bun` and `args` `["bun", BIN, ...]` (the installed executable's own args after
 * `ocimount`), and any argument found in `replace` swapped (e.g. the README's mounts file).
 */
export function fromSourceTree(
  def: HookDefinition,
  replace: Record<string, string> = {},
): HookDefinition {
  const rest = def.hook.args.slice(1).map((a) => replace[a] ?? a);
  return { ...def, hook: { ...def.hook, path: process.execPath, args: ["bun", BIN, ...rest] } };
}

/** `def` with `hook.path` the sealed executable's front at `front` (args as written), and `replace` applied. */
export function withExecutable(
  def: HookDefinition,
  front: string,
  replace: Record<string, string> = {},
): HookDefinition {
  const args = def.hook.args.map((a) => replace[a] ?? a);
  return { ...def, hook: { ...def.hook, path: front, args } };
}
