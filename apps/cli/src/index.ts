export type { HookDefinition } from "./commands/installHookDefinition.ts";
export {
  formatHookDefinition,
  HOOK_ANNOTATION_PATTERN,
  hookDefinition,
} from "./commands/installHookDefinition.ts";
export { main } from "./main.ts";
export { run } from "./run.ts";
export { VERSION } from "./version.ts";
