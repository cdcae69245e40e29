/**
 * deploy/kubernetes/daemonset.yaml: valid against the Kubernetes apps/v1 DaemonSet schema (the
 * kubernetes-models package), and its install command does what the volumes need: run as
 * written (with the CLI from the source tree standing in for the image's /ocimount) under a temp
 * dir laid out like the pod's /host, it puts the executable and the definition exactly in the
 * host directories the pod mounts, and the definition names the node's paths.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHookMounts } from "@ocimount/mounter";
import { DaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import { Pod } from "kubernetes-models/v1/Pod";
import { hookDefinition } from "ocimount";
import { buildInstallable } from "./helpers/installable.ts";

const FILE = fileURLToPath(new URL("../deploy/kubernetes/daemonset.yaml", import.meta.url));
const doc = Bun.YAML.parse(readFileSync(FILE, "utf8")) as { apiVersion: string; kind: string };
const ds = new DaemonSet(doc as ConstructorParameters<typeof DaemonSet>[0]);
const spec = ds.spec?.template.spec;
const install = spec?.initContainers?.[0];

const dir = mkdtempSync(join(tmpdir(), "ocimount-deploy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const built = buildInstallable(join(dir, "exe"));

describe("deploy/kubernetes/daemonset.yaml", () => {
  test("is a valid apps/v1 DaemonSet", () => {
    expect(() => ds.validate()).not.toThrow();
    expect([doc.apiVersion, doc.kind]).toEqual(["apps/v1", "DaemonSet"]);
    expect(ds.spec?.selector.matchLabels).toEqual(ds.spec?.template.metadata?.labels);
  });

  test("one init container installs, as root, with nothing but its volumes writable", () => {
    expect(spec?.initContainers).toHaveLength(1);
    expect(install?.command?.slice(0, 2)).toEqual(["/ocimount", "install-hook"]);
    expect(install?.securityContext?.runAsUser).toBe(0);
    expect(install?.securityContext?.readOnlyRootFilesystem).toBe(true);
    expect(install?.securityContext?.capabilities?.drop).toEqual(["ALL"]);
    expect(spec?.tolerations).toEqual([{ operator: "Exists" }]);
  });

  test("each volume is mounted at /host plus its host path", () => {
    const hostPaths = new Map(spec?.volumes?.map((v) => [v.name, v.hostPath?.path]));
    for (const m of install?.volumeMounts ?? []) {
      expect(m.mountPath).toBe(`/host${hostPaths.get(m.name)}`);
    }
    expect([...hostPaths.values()].sort()).toEqual([
      "/etc/containers/oci/hooks.d",
      "/usr/local/libexec/ocimount",
    ]);
  });

  const label = "its command, run as written under a /host of our own, fills exactly those volumes";
  test.skipIf("skip" in built)(
    "skip" in built ? `${label} [skipped: ${built.skip}]` : label,
    () => {
      if ("skip" in built) return;
      const host = join(dir, "host");
      for (const m of install?.volumeMounts ?? [])
        mkdirSync(join(dir, m.mountPath), { recursive: true });
      const args = (install?.command ?? [])
        .slice(1)
        .map((a) => (a === "/host" ? host : a === "/ocimount" ? built.front : a));
      // the image's /ocimount is the sealed executable's front, with ocimount-bun and SHA256SUMS beside it
      const r = Bun.spawnSync([built.front, ...args], { stdout: "pipe", stderr: "pipe" });
      expect(r.stderr.toString()).toBe("");
      expect(r.exitCode).toBe(0);
      const node = "/usr/local/libexec/ocimount/ocimount";
      expect(readFileSync(join(host, node))).toEqual(readFileSync(built.front));
      const def = JSON.parse(
        readFileSync(join(host, "etc/containers/oci/hooks.d/50-ocimount.json"), "utf8"),
      );
      expect(def).toEqual(hookDefinition(node));
      // nothing outside the mounted volumes
      const written = Bun.spawnSync(["find", host, "-type", "f"])
        .stdout.toString()
        .trim()
        .split("\n");
      expect(written.map((f) => `/${relative(host, f)}`).sort()).toEqual([
        "/etc/containers/oci/hooks.d/50-ocimount.json",
        "/usr/local/libexec/ocimount/SHA256SUMS",
        node,
        `${node}-bun`,
      ]);
      expect(existsSync(join(host, "usr/share"))).toBe(false);
    },
  );
});

describe("docs/CLUSTER.md's pod", () => {
  const text = readFileSync(fileURLToPath(new URL("../docs/CLUSTER.md", import.meta.url)), "utf8");
  const yaml = /\n```yaml\n([\s\S]*?)\n```/.exec(text)?.[1] ?? "";
  const pod = new Pod(Bun.YAML.parse(yaml) as ConstructorParameters<typeof Pod>[0]);

  test("is a valid v1 Pod whose ocimount annotations are valid mounts documents", () => {
    expect(() => pod.validate()).not.toThrow();
    const annotations = pod.metadata?.annotations ?? {};
    const ours = Object.keys(annotations).filter((k) => k.startsWith("org.ocimount.mounts"));
    expect(ours).toEqual(["org.ocimount.mounts", "org.ocimount.mounts/app"]);
    for (const k of ours)
      expect(() => parseHookMounts(JSON.parse(annotations[k] ?? ""), k)).not.toThrow();
    expect(pod.spec?.containers.map((c) => c.name)).toEqual(["app"]);
  });
});
