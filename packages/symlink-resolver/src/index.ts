export { isInsideRoot } from "./isInsideRoot.ts";
export type { ResolveErrorCode, ResolveErrorFields } from "./ResolveError.ts";
export { ResolveError } from "./ResolveError.ts";
export { resolveInRoot } from "./resolveInRoot.ts";
export { resolveInRootSync } from "./resolveInRootSync.ts";
