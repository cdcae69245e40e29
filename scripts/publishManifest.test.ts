import { expect, test } from "bun:test";
import { publishManifest } from "./publishManifest.ts";

const versions = new Map([
  ["@ocimount/a", "1.2.3"],
  ["@ocimount/b", "0.4.0"],
]);

test.each([
  ["workspace:* is the exact version", "workspace:*", "1.2.3"],
  ["workspace:^ is a caret range", "workspace:^", "^1.2.3"],
  ["workspace:~ is a tilde range", "workspace:~", "~1.2.3"],
  ["an explicit range stays", "workspace:^1.0.0", "^1.0.0"],
  ["a registry range stays", "^2.0.0", "^2.0.0"],
])("%s", (_name, range, expected) => {
  const out = publishManifest(
    { name: "x", version: "1.0.0", dependencies: { "@ocimount/a": range } },
    versions,
  );
  expect(out.dependencies).toEqual({ "@ocimount/a": expected });
});

test("publishConfig fields replace the workspace ones; scripts and devDependencies go", () => {
  const out = publishManifest(
    {
      name: "x",
      version: "1.0.0",
      exports: { ".": "./src/index.ts" },
      scripts: { build: "tsc" },
      devDependencies: { typescript: "5" },
      publishConfig: { access: "public", exports: { ".": "./dist/index.js" }, dependencies: {} },
      dependencies: { "@ocimount/b": "workspace:*" },
    },
    versions,
  );
  expect(out).toEqual({
    name: "x",
    version: "1.0.0",
    exports: { ".": "./dist/index.js" },
    dependencies: {},
    publishConfig: { access: "public" },
  });
});

test("an unknown workspace package is an error", () => {
  expect(() =>
    publishManifest(
      { name: "x", version: "1.0.0", dependencies: { nope: "workspace:*" } },
      versions,
    ),
  ).toThrow("nope: workspace dependency is not a workspace package");
});
