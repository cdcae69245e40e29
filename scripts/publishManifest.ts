/**
 * Turns a workspace package.json into the one that ships in the tarball: `publishConfig` fields
 * replace the top-level ones (exports, types, bin, dependencies: as pnpm does, and as npm and
 * Bun do not), `workspace:` ranges become the exact version of that workspace package (what
 * `changeset publish` would do, and what Bun's publish is known to leave behind), and
 * workspace-only fields (scripts, devDependencies) are dropped.
 */

type Manifest = Record<string, unknown> & { name: string; version: string };

const DROPPED = ["scripts", "devDependencies", "publishConfig"];
const KEPT_PUBLISH_CONFIG = ["access", "registry", "tag", "provenance"];
const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"];

/** Returns the manifest to publish; throws if a `workspace:` range names an unknown package. */
export function publishManifest(
  manifest: Manifest,
  versions: ReadonlyMap<string, string>,
): Manifest {
  const publishConfig = (manifest.publishConfig ?? {}) as Record<string, unknown>;
  const out: Manifest = { ...manifest };
  for (const key of DROPPED) delete out[key];
  for (const [key, value] of Object.entries(publishConfig)) {
    if (!KEPT_PUBLISH_CONFIG.includes(key)) out[key] = value;
  }
  const kept = Object.fromEntries(
    Object.entries(publishConfig).filter(([key]) => KEPT_PUBLISH_CONFIG.includes(key)),
  );
  if (Object.keys(kept).length > 0) out.publishConfig = kept;
  for (const field of DEPENDENCY_FIELDS) {
    const deps = out[field] as Record<string, string> | undefined;
    if (!deps) continue;
    out[field] = Object.fromEntries(
      Object.entries(deps).map(([name, range]) => [name, resolveRange(name, range, versions)]),
    );
  }
  return out;
}

function resolveRange(name: string, range: string, versions: ReadonlyMap<string, string>): string {
  if (!range.startsWith("workspace:")) return range;
  const version = versions.get(name);
  if (!version) throw new Error(`${name}: workspace dependency is not a workspace package`);
  const spec = range.slice("workspace:".length);
  if (spec === "*" || spec === "") return version;
  if (spec === "^" || spec === "~") return `${spec}${version}`;
  return spec;
}
