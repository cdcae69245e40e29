import { posix } from "node:path";
import { BundleError, readJsonText, type State, validateState } from "@ocimount/oci-spec";
import { HookError } from "./HookError.ts";

/** A state document fit for the hook: valid, with a pid and an absolute bundle path. */
export interface HookState {
  state: State;
  pid: number;
  bundle: string;
}

/** Largest state document accepted on stdin (runtimes send well under 4 KiB). */
export const MAX_STATE_BYTES = 1 << 20;

/**
 * Parses and validates the OCI state document a runtime writes on a hook's stdin
 * (state-schema.json, with `@ocimount/oci-spec`). Throws `HookError`: `EJSON` (with line and
 * column), `EFBIG`, `EINVALID` (every schema issue; also a relative `bundle`), `ENOPID` (no
 * `pid`). A pid of 0 (crun 1.8 writes it for createContainer hooks) is left to
 * `containerProcDir`. Does not check that the process exists.
 */
export function parseHookState(text: string, name = "stdin"): HookState {
  if (text.length > MAX_STATE_BYTES) {
    throw new HookError({
      code: "EFBIG",
      op: "read state",
      path: name,
      detail: `more than ${MAX_STATE_BYTES} bytes`,
    });
  }
  const value = parseJson(text, name, "read state");
  const result = validateState(value);
  if (!result.success) {
    const first = result.issues[0];
    throw new HookError({
      code: "EINVALID",
      op: "read state",
      path: name,
      issues: result.issues,
      detail: `not a container state: ${first?.message ?? "invalid"}`,
    });
  }
  const state = result.output;
  if (state.pid === undefined) {
    throw new HookError({
      code: "ENOPID",
      op: "read state",
      path: name,
      detail: "the state has no pid: run ocimount as a createRuntime or createContainer hook",
    });
  }
  if (!posix.isAbsolute(state.bundle)) {
    const issue = { path: "/bundle", expected: "absolute path", received: state.bundle };
    throw new HookError({
      code: "EINVALID",
      op: "read state",
      path: name,
      issues: [{ ...issue, message: "the bundle path must be absolute" }],
      detail: "the bundle path must be absolute",
    });
  }
  return { state, pid: state.pid, bundle: state.bundle };
}

/** `readJsonText`, with its `BundleError` turned into a `HookError` for `op` on `name`. */
export function parseJson(text: string, name: string, op: string): unknown {
  try {
    return readJsonText(text, { path: name });
  } catch (err) {
    if (!(err instanceof BundleError)) throw err;
    const code = err.code === "EDEPTH" ? "EINVALID" : "EJSON";
    // The position is the error's `position` (the CLI shows `stdin:2:1`): not in the words too.
    const what = code === "EJSON" ? "not JSON" : "nested too deeply";
    return fail(code, op, name, `${what}: ${err.detail ?? err.code}`, err);
  }
}

function fail(
  code: "EJSON" | "EINVALID",
  op: string,
  path: string,
  detail: string,
  cause: BundleError,
): never {
  throw new HookError({ code, op, path, line: cause.line, column: cause.column, detail, cause });
}
