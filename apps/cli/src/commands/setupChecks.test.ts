import { afterAll, expect, test } from "bun:test";
import { removeTempDirs, validConfig, writeBundle } from "../bundleFixture.fixture.ts";
import { runCli } from "../runCli.fixture.ts";

afterAll(removeTempDirs);

// What podman create --privileged writes for each host device: st_mode with the file-type bits
// (S_IFCHR | 0666 = 8630, S_IFCHR | 0620 = 8576), which the official schema's `<= 511` refuses.
const privileged = () => ({
  ...validConfig(),
  linux: { devices: [{ type: "c", path: "/dev/tty0", major: 4, minor: 0, fileMode: 8576 }] },
});

test("plan accepts a config whose schema issues are in parts setup does not read, with a warning", () => {
  const r = runCli(["plan", "--bundle", writeBundle(privileged())]);
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toContain("/linux/devices/0/fileMode");
  expect(r.stderr).toContain("not read by setup; ignored");
});

test("plan still refuses a schema issue in what setup reads", () => {
  const config = { ...privileged(), mounts: [{ type: "tmpfs", source: "tmpfs" }] };
  const r = runCli(["plan", "--bundle", writeBundle(config)]);
  expect(r.exitCode).toBe(1);
  expect(r.stderr).toContain("destination");
});

test("validate keeps the full schema's verdict and says which issues setup ignores", () => {
  const r = runCli(["validate", "--json", writeBundle(privileged())]);
  expect(r.exitCode).toBe(1);
  const [result] = JSON.parse(r.stdout).results;
  expect(result.valid).toBe(false);
  expect(result.issues).toEqual([
    expect.objectContaining({ path: "/linux/devices/0/fileMode", ignoredBySetup: true }),
  ]);
  const text = runCli(["validate", writeBundle(privileged())]);
  expect(text.stdout).toContain("setup does not read this");
});
