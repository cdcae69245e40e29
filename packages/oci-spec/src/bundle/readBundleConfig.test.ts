import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BundleError } from "./BundleError.ts";
import { readBundleConfig } from "./readBundleConfig.ts";

let dir = "";
const bundle = (name: string, config: unknown) => {
  const path = join(dir, name);
  mkdirSync(path);
  writeFileSync(join(path, "config.json"), JSON.stringify(config));
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "oci-spec-bundle-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a valid bundle returns the config and its path, and leaves lint warnings to lintConfig", async () => {
  const path = bundle("ok", {
    ociVersion: "1.3.0",
    root: { path: "rootfs" },
    mounts: [{ destination: "rel" }],
  });
  const result = await readBundleConfig(path);
  expect(result.configPath).toBe(join(path, "config.json"));
  expect(result.config.mounts?.[0]?.destination).toBe("rel");
  expect(result.warnings).toEqual([]);
});

test("an invalid config throws EINVALID with every issue", async () => {
  const path = bundle("bad", { mounts: [{ destination: 1 }] });
  const error = await readBundleConfig(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BundleError);
  expect((error as BundleError).code).toBe("EINVALID");
  expect((error as BundleError).issues.map((i) => i.path)).toEqual([
    "/ociVersion",
    "/mounts/0/destination",
  ]);
});

test("a bundle without config.json throws ENOENT", async () => {
  const path = join(dir, "empty");
  mkdirSync(path);
  await expect(readBundleConfig(path)).rejects.toMatchObject({ code: "ENOENT" });
});

test('check "setup": issues outside what setup reads are warnings; the default stays strict', async () => {
  const config = {
    ociVersion: "1.3.0",
    root: { path: "rootfs" },
    linux: { devices: [{ type: "c", path: "/dev/tty0", fileMode: 8576 }] },
  };
  const path = bundle("podman-privileged", config);
  expect(readBundleConfig(path)).rejects.toMatchObject({ code: "EINVALID" });
  const result = await readBundleConfig(path, { check: "setup" });
  expect(result.ignored.map((i) => i.path)).toEqual(["/linux/devices/0/fileMode"]);
  expect(result.warnings[0]).toMatchObject({ path: "/linux/devices/0/fileMode" });
  expect(result.warnings[0]?.message).toContain("not read by setup");
});

test('check "setup": an issue in what setup reads still throws EINVALID', async () => {
  const path = bundle("bad-mask", {
    ociVersion: "1.3.0",
    root: { path: "rootfs" },
    linux: { maskedPaths: [1] },
  });
  expect(readBundleConfig(path, { check: "setup" })).rejects.toMatchObject({ code: "EINVALID" });
});
