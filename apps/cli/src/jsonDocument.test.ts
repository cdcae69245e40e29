import { afterAll, expect, test } from "bun:test";
import { removeTempDirs, validConfig, writeBundle } from "./bundleFixture.fixture.ts";
import { runCli } from "./runCli.fixture.ts";

afterAll(removeTempDirs);

/** `ocimount ARGS --json`, parsed. */
function json(args: string[], stdin?: string): Record<string, unknown> {
  const r = runCli([...args, "--json"], stdin === undefined ? {} : { stdin });
  return JSON.parse(r.stdout);
}

test('every --json document carries "version": 1', () => {
  const bundle = writeBundle(validConfig());
  const docs = {
    plan: json(["plan", "--bundle", bundle]),
    "setup --dry-run": json(["setup", "--dry-run", "--bundle", bundle]),
    flags: json(["flags", "ro"]),
    status: json(["status", "--bundle", bundle, "--state-dir", `${bundle}/state`]),
    validate: json(["validate", bundle]),
    resolve: json(["resolve", "--root", bundle, "/x"]),
    version: json(["version"]),
    "a usage error": json(["plan", "--bogus"]),
    "an error": json(["plan", "--bundle", "/nonexistent"]),
    "hook's error": json(["hook"], "not json"),
  };
  for (const [name, doc] of Object.entries(docs)) expect([name, doc.version]).toEqual([name, 1]);
});

test("a plan step's flags have the shape and names `ocimount flags` gives them", () => {
  const config = validConfig();
  config.mounts = [
    {
      destination: "/srv",
      type: "bind",
      source: "shared",
      options: ["rbind", "ro", "nosuid", "rnodev"],
    },
  ];
  const plan = json(["plan", "--bundle", writeBundle(config)]) as {
    steps: { why: string; options?: Record<string, unknown> }[];
  };
  const step = plan.steps.find((s) => s.why === "mounts[0]");
  const flags = json(["flags", "rbind,ro,nosuid,rnodev"]);
  for (const key of ["flags", "clearFlags", "recursive", "propagation", "bind", "recursiveBind"]) {
    expect([key, step?.options?.[key]]).toEqual([key, flags[key]]);
  }
  expect(step?.options?.flags).toEqual({ value: 3, hex: "0x3", names: ["ro", "nosuid"] });
});

test("plan warnings are { path, message }, one per entry the config warns about", () => {
  const config = validConfig();
  config.mounts = [
    { destination: "/srv", type: "bind", source: "shared", options: ["bind", "mode=755"] },
  ];
  const plan = json(["plan", "--bundle", writeBundle(config)]) as {
    warnings: { path: string; message: string }[];
  };
  expect(plan.warnings.map((w) => w.path)).toEqual(["/mounts/0/options"]);
  for (const w of plan.warnings) expect(Object.keys(w).sort()).toEqual(["message", "path"]);
});

test("each warning once, from its one owner: lint's, then the planner's own", () => {
  const config = validConfig();
  config.mounts = [
    { destination: "srv", type: "bind", source: "shared", options: ["bind", "nosiud"] },
    { destination: "/t", type: "proc", source: "proc", options: ["remount", "tmpcopyup"] },
  ];
  const plan = json(["plan", "--bundle", writeBundle(config)]) as {
    warnings: { path: string; message: string }[];
  };
  expect(plan.warnings).toEqual([
    { path: "/mounts/0/destination", message: expect.stringContaining("relative destination") },
    {
      path: "/mounts/0/options",
      message: expect.stringContaining("nosiud (did you mean nosuid?)"),
    },
    { path: "/mounts/1/options", message: '"remount" is ignored (setup makes new mounts)' },
    { path: "/mounts/1/options", message: "tmpcopyup only applies to tmpfs; ignored for proc" },
  ]);
  for (const w of plan.warnings) expect(w.message).not.toContain("mounts[");
});
