/**
 * The kernel's own reason in setup's error: after fsconfig/fsmount fail, the filesystem context
 * holds a message (read(2) on the fsopen fd: `e tmpfs: Unknown parameter 'nosiud'`); the CLI's
 * one line and its --json carry it. Real kernel, a private mount namespace, nothing mounted.
 */
import { afterAll, expect } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliInNamespace, removeWorkDirs, workDir } from "./fixtures/cli/cli.ts";
import { mountTest } from "./helpers/namespace.ts";

afterAll(removeWorkDirs);

function bundleWith(options: string[]): { bundle: string; state: string } {
  const { dir, state } = workDir();
  mkdirSync(join(dir, "rootfs"));
  const mounts = [{ destination: "/t", type: "tmpfs", source: "tmpfs", options }];
  writeFileSync(
    join(dir, "config.json"),
    JSON.stringify({ ociVersion: "1.0.2", root: { path: "rootfs" }, mounts }),
  );
  return { bundle: dir, state };
}

mountTest("a tmpfs option the kernel does not know: its reason in the line and in --json", () => {
  const { bundle, state } = bundleWith(["nosiud", "size=1m"]);
  const [line, json] = cliInNamespace([
    ["setup", "--bundle", bundle, "--state-dir", state],
    ["setup", "--json", "--bundle", bundle, "--state-dir", state],
  ]);
  expect(line?.exitCode).toBe(1);
  expect(line?.tableChanged).toBe(false);
  expect(line?.stderr.trim()).toBe(
    `ocimount: setup: fsconfig failed (mounts[0] tmpfs -> ${bundle}/rootfs/t): EINVAL (errno 22, Invalid argument): tmpfs: Unknown parameter 'nosiud'`,
  );
  const { error } = JSON.parse(json?.stdout ?? "{}");
  expect(error).toMatchObject({
    code: "EINVAL",
    op: "fsconfig",
    detail: "tmpfs: Unknown parameter 'nosiud'",
  });
  expect(error.message).toContain("tmpfs: Unknown parameter 'nosiud'");
});

mountTest("a bad value: the kernel names it", () => {
  const { bundle, state } = bundleWith(["size=lots"]);
  const [run] = cliInNamespace([["setup", "--json", "--bundle", bundle, "--state-dir", state]]);
  expect(run?.exitCode).toBe(1);
  expect(JSON.parse(run?.stdout ?? "{}").error.detail).toMatch(/^tmpfs: /);
});
