import { describe, expect, test } from "bun:test";
import { HookError } from "./HookError.ts";
import { containerName, readHookMounts } from "./readHookMounts.ts";

const doc = (destination: string) =>
  JSON.stringify([{ destination, type: "tmpfs", source: "tmpfs" }]);
const POD = "org.ocimount.mounts";

/** Annotations as each engine writes them for a container named `web` (plus ours). */
const ROWS: { name: string; annotations: Record<string, string>; want: string[] | undefined }[] = [
  { name: "no annotations", annotations: {}, want: undefined },
  { name: "the pod-wide annotation alone", annotations: { [POD]: doc("/a") }, want: ["/a"] },
  {
    name: "containerd: pod-wide, then the container's own",
    annotations: {
      "io.kubernetes.cri.container-type": "container",
      "io.kubernetes.cri.container-name": "web",
      [`${POD}/web`]: doc("/own"),
      [POD]: doc("/a"),
    },
    want: ["/a", "/own"],
  },
  {
    name: "CRI-O: the kubelet's container-name label, another container's annotation ignored",
    annotations: {
      "io.kubernetes.cri-o.ContainerType": "container",
      "io.kubernetes.container.name": "web",
      "io.kubernetes.cri-o.ContainerName": "k8s_web_pod_default_0123_0",
      [`${POD}/web`]: doc("/own"),
      [`${POD}/db`]: doc("/db"),
    },
    want: ["/own"],
  },
  {
    name: "only another container's annotation: nothing to do",
    annotations: { "io.kubernetes.container.name": "web", [`${POD}/db`]: doc("/db") },
    want: undefined,
  },
  {
    name: "no container name: the per-container form never matches",
    annotations: { [`${POD}/web`]: doc("/own") },
    want: undefined,
  },
  {
    name: "CRI-O's sandbox (pause) container gets nothing",
    annotations: {
      "io.kubernetes.cri-o.ContainerType": "sandbox",
      "io.kubernetes.container.name": "POD",
      [POD]: doc("/a"),
    },
    want: undefined,
  },
  {
    name: "containerd's sandbox container gets nothing",
    annotations: { "io.kubernetes.cri.container-type": "sandbox", [POD]: doc("/a") },
    want: undefined,
  },
];

describe("readHookMounts from annotations", () => {
  test.each(ROWS)("$name", async ({ annotations, want }) => {
    const got = await readHookMounts({ annotations });
    expect(got?.mounts.map((m) => m.destination)).toEqual(want);
  });

  test("masks and read-only paths of both annotations are kept, pod-wide first", async () => {
    const got = await readHookMounts({
      annotations: {
        "io.kubernetes.cri.container-name": "web",
        [POD]: JSON.stringify({ maskedPaths: ["/m1"], readonlyPaths: ["/r1"] }),
        [`${POD}/web`]: JSON.stringify({ maskedPaths: ["/m2"] }),
      },
    });
    expect(got).toEqual({ mounts: [], maskedPaths: ["/m1", "/m2"], readonlyPaths: ["/r1"] });
  });

  test("a bad per-container annotation is named in the error", async () => {
    const annotations = { "io.kubernetes.container.name": "web", [`${POD}/web`]: "[{" };
    const err = await readHookMounts({ annotations }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HookError);
    expect((err as HookError).code).toBe("EJSON");
    expect((err as HookError).message).toContain(`annotation ${POD}/web`);
  });
});

describe("containerName", () => {
  test("containerd's annotation wins over the kubelet label; empty values are skipped", () => {
    expect(
      containerName({
        "io.kubernetes.cri.container-name": "a",
        "io.kubernetes.container.name": "b",
      }),
    ).toBe("a");
    expect(
      containerName({
        "io.kubernetes.cri.container-name": "",
        "io.kubernetes.container.name": "b",
      }),
    ).toBe("b");
    expect(containerName({})).toBeUndefined();
  });
});
