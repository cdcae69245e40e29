import { expect, test } from "bun:test";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../bin/ocimount.ts", import.meta.url));

test("--help names the program and exits 0", () => {
  const r = Bun.spawnSync(["bun", BIN, "--help"], { stderr: "pipe", stdout: "pipe" });
  expect(r.exitCode).toBe(0);
  expect(r.stdout.toString() + r.stderr.toString()).toContain("ocimount");
});

test("--version prints the package version", async () => {
  const pkg = await Bun.file(new URL("../package.json", import.meta.url)).json();
  const r = Bun.spawnSync(["bun", BIN, "--version"], { stdout: "pipe" });
  expect(r.exitCode).toBe(0);
  expect(r.stdout.toString().trim()).toBe(pkg.version);
});
