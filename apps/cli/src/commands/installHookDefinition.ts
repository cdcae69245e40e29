/** Where `ocimount install-hook` puts the executable by default (`--prefix`). */
export const DEFAULT_PREFIX = "/usr/local/libexec/ocimount";

/**
 * Where it writes the hook definition by default (`--hooks-dir`): the vendor directory that
 * podman and CRI-O read; `/etc/containers/oci/hooks.d` is the one for local policy and masks a
 * file of the same name here.
 */
export const DEFAULT_HOOKS_DIR = "/usr/share/containers/oci/hooks.d";

/** The hook definition's file name (hooks are injected in file-name order). */
export const HOOK_FILE_NAME = "50-ocimount.json";

/**
 * The environment the hook gets, and nothing else: a hook JSON without `env` gets the runtime's
 * whole environment (runc passes its own), so a `BUN_OPTIONS` or `NODE_OPTIONS` set anywhere
 * above it would reach us.
 */
export const HOOK_ENV: readonly string[] = [
  "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
];

/** Seconds the runtime waits for the hook before killing it and aborting the start. */
export const DEFAULT_HOOK_TIMEOUT = 30;

/**
 * The annotation keys the hook is injected for: `org.ocimount.mounts` (pod-wide) and
 * `org.ocimount.mounts/<container-name>`, nothing else. The hooks library ANDs the entries of
 * `when.annotations`, so both forms live in one pattern. Container names as Kubernetes and
 * podman allow them.
 */
export const HOOK_ANNOTATION_PATTERN = "^org\\.ocimount\\.mounts(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$";

/** A hooks.d 1.0.0 hook definition (the containers hooks library's schema, oci-hooks(5)). */
export interface HookDefinition {
  version: "1.0.0";
  hook: { path: string; args: string[]; env: string[]; timeout: number };
  when: { annotations: Record<string, string> } | { always: true };
  stages: string[];
}

/**
 * The definition `install-hook` writes: run `path` as `ocimount hook` (or `options.args`) in the
 * `createRuntime` stage, with `HOOK_ENV` only and `timeout` seconds, for containers whose
 * annotations match `HOOK_ANNOTATION_PATTERN` with a non-empty value (or `options.when`).
 */
export function hookDefinition(
  path: string,
  options: { timeout?: number; args?: readonly string[]; when?: HookDefinition["when"] } = {},
): HookDefinition {
  return {
    version: "1.0.0",
    hook: {
      path,
      args: [...(options.args ?? ["ocimount", "hook"])],
      env: [...HOOK_ENV],
      timeout: options.timeout ?? DEFAULT_HOOK_TIMEOUT,
    },
    when: options.when ?? { annotations: { [HOOK_ANNOTATION_PATTERN]: ".+" } },
    stages: ["createRuntime"],
  };
}

/** The file's text: two-space JSON and a final newline. */
export function formatHookDefinition(def: HookDefinition): string {
  return `${JSON.stringify(def, null, 2)}\n`;
}
