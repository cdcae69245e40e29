import { readJsonDocument } from "@ocimount/oci-spec";
import { type HookMounts, parseHookMounts } from "./parseHookMounts.ts";
import { parseJson } from "./parseHookState.ts";

/**
 * The bundle annotation holding the hook's mounts document as a JSON string. In a pod it is
 * pod-wide (CRI-O and containerd copy pod annotations into every container's config);
 * `org.ocimount.mounts/<container-name>` targets one container.
 */
export const HOOK_MOUNTS_ANNOTATION = "org.ocimount.mounts";

/**
 * Annotations that carry a container's name within its pod, first found wins: containerd's CRI
 * plugin writes `io.kubernetes.cri.container-name`; CRI-O copies the kubelet's label
 * `io.kubernetes.container.name` into the config's annotations.
 */
export const CONTAINER_NAME_ANNOTATIONS: readonly string[] = [
  "io.kubernetes.cri.container-name",
  "io.kubernetes.container.name",
];

/** Annotations that say "this is the pod's sandbox (pause) container" when set to `sandbox`. */
const CONTAINER_TYPE_ANNOTATIONS = [
  "io.kubernetes.cri.container-type",
  "io.kubernetes.cri-o.ContainerType",
];

/** Where the hook's mounts come from. */
export interface HookMountsSource {
  /** A JSON file (`--mounts FILE`); wins over the annotations. */
  file?: string;
  /** The bundle config's annotations, searched for `org.ocimount.mounts` and its per-container form. */
  annotations?: Readonly<Record<string, string>>;
}

/**
 * Reads the hook's mounts document from `file`, else from the annotations: the pod-wide
 * `org.ocimount.mounts` first, then `org.ocimount.mounts/<name>` where `<name>` is the
 * container's name from `CONTAINER_NAME_ANNOTATIONS` (their mounts, masks and read-only paths
 * are concatenated in that order). A pod's sandbox (pause) container gets no annotation mounts.
 * Returns undefined when there is nothing to do. Throws `BundleError` for an unreadable or
 * non-JSON file (with its code, path, line and column), `HookError` (`EJSON`, `EINVALID`) for a
 * bad annotation or an invalid document, naming the annotation. Reads the file in the caller's
 * mount namespace.
 */
export async function readHookMounts(from: HookMountsSource): Promise<HookMounts | undefined> {
  if (from.file !== undefined) {
    return parseHookMounts(await readJsonDocument(from.file), from.file);
  }
  const annotations = from.annotations ?? {};
  if (CONTAINER_TYPE_ANNOTATIONS.some((k) => annotations[k] === "sandbox")) return undefined;
  const name = containerName(annotations);
  const keys = [HOOK_MOUNTS_ANNOTATION];
  if (name !== undefined) keys.push(`${HOOK_MOUNTS_ANNOTATION}/${name}`);
  const docs = keys.flatMap((key) => {
    const text = annotations[key];
    if (text === undefined) return [];
    return [
      parseHookMounts(parseJson(text, `annotation ${key}`, "read mounts"), `annotation ${key}`),
    ];
  });
  if (docs.length === 0) return undefined;
  return {
    mounts: docs.flatMap((d) => d.mounts),
    maskedPaths: docs.flatMap((d) => d.maskedPaths),
    readonlyPaths: docs.flatMap((d) => d.readonlyPaths),
  };
}

/** The container's name within its pod, from the first non-empty name annotation. */
export function containerName(annotations: Readonly<Record<string, string>>): string | undefined {
  for (const key of CONTAINER_NAME_ANNOTATIONS) {
    const value = annotations[key];
    if (value) return value;
  }
  return undefined;
}
