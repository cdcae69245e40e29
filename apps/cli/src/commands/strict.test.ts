import { afterAll, expect, test } from "bun:test";
import { removeTempDirs, writeBundle } from "../bundleFixture.fixture.ts";
import { runCli } from "../runCli.fixture.ts";

afterAll(removeTempDirs);

const typo = () => ({
  ociVersion: "1.3.0",
  root: { path: "rootfs" },
  mounts: [{ destination: "/srv", type: "bind", source: "shared", options: ["rbind", "nosiud"] }],
});

test("a typo on a bind is a warning naming the nearest option", () => {
  const r = runCli(["plan", "--bundle", writeBundle(typo())]);
  expect(r.exitCode).toBe(0);
  expect(r.stderr).toContain("nosiud (did you mean nosuid?)");
});

test("--strict makes it an error, on plan and on setup before anything is mounted", () => {
  const bundle = writeBundle(typo());
  const runs = [
    ["plan", "--strict", "--bundle", bundle],
    ["setup", "--strict", "--bundle", bundle, "--state-dir", `${bundle}/.state`],
  ];
  for (const args of runs) {
    const r = runCli(args);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('unknown option "nosiud" on a bind mount');
    expect(r.stderr).toContain("did you mean nosuid?");
  }
});
