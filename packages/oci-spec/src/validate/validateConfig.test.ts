import { describe, expect, test } from "bun:test";
import { parseConfig } from "./parseConfig.ts";
import { SpecValidationError } from "./SpecValidationError.ts";
import { validateConfig } from "./validateConfig.ts";
import { validateFeatures } from "./validateFeatures.ts";
import { validateState } from "./validateState.ts";

const base = { ociVersion: "1.3.0", root: { path: "rootfs" } };
const paths = (value: unknown) => validateConfig(value).issues.map((i) => i.path);

const table: [name: string, config: unknown, issuePaths: string[]][] = [
  ["minimal", { ociVersion: "1.0.0" }, []],
  ["pre-release version", { ociVersion: "0.5.0-dev" }, []],
  ["missing ociVersion", {}, ["/ociVersion"]],
  ["not an object", [], [""]],
  ["null", null, [""]],
  ["unknown fields allowed", { ...base, "x-vendor": { any: 1 }, root: { path: "r", x: 1 } }, []],
  [
    "mount without destination",
    { ...base, mounts: [{}, { destination: "/a" }] },
    ["/mounts/0/destination"],
  ],
  [
    "mount type not a string",
    { ...base, mounts: [{ destination: "/a", type: 1 }] },
    ["/mounts/0/type"],
  ],
  ["mount object given as array", { ...base, mounts: [[]] }, ["/mounts/0"]],
  ["linux as array", { ...base, linux: [] }, ["/linux"]],
  ["uint32 upper bound", { ...base, process: { cwd: "/", user: { uid: 4294967295 } } }, []],
  [
    "uint32 above bound",
    { ...base, process: { cwd: "/", user: { uid: 4294967296 } } },
    ["/process/user/uid"],
  ],
  ["uint32 negative", { ...base, process: { cwd: "/", user: { gid: -1 } } }, ["/process/user/gid"]],
  [
    "uint64 above 2^53",
    {
      ...base,
      process: { cwd: "/", rlimits: [{ type: "RLIMIT_AS", soft: 2 ** 60, hard: 2 ** 64 }] },
    },
    [],
  ],
  [
    "not an integer",
    { ...base, process: { cwd: "/", oomScoreAdj: 1.5 } },
    ["/process/oomScoreAdj"],
  ],
  [
    "infinite number",
    { ...base, process: { cwd: "/", oomScoreAdj: Number.POSITIVE_INFINITY } },
    ["/process/oomScoreAdj"],
  ],
  [
    "rootfsPropagation rslave is an option, not a value",
    { ...base, linux: { rootfsPropagation: "rslave" } },
    ["/linux/rootfsPropagation"],
  ],
  [
    "every issue reported",
    { mounts: [{ destination: 1 }], root: {} },
    ["/ociVersion", "/mounts/0/destination", "/root/path"],
  ],
  ["pointer escaping", { ...base, annotations: { "a/b~c": 1 } }, ["/annotations/a~1b~0c"]],
  ["annotation with empty key may hold anything", { ...base, annotations: { "": 1 } }, []],
  [
    "constructor key is checked",
    { ...base, linux: { netDevices: JSON.parse('{"constructor": 1}') } },
    ["/linux/netDevices/constructor"],
  ],
  [
    "iomems: every element is checked",
    {
      ...base,
      vm: { kernel: { path: "k" }, hwConfig: { iomems: [{ firstMFN: 1, nrMFNs: 1 }, {}] } },
    },
    ["/vm/hwConfig/iomems/1/firstMFN", "/vm/hwConfig/iomems/1/nrMFNs"],
  ],
  [
    "windows layerFolders needs one item",
    { ...base, windows: { layerFolders: [] } },
    ["/windows/layerFolders"],
  ],
];

describe("validateConfig", () => {
  for (const [name, config, want] of table) {
    test(name, () => {
      expect(paths(config)).toEqual(want);
    });
  }

  test("issues carry the path, expected, received and a message without the path", () => {
    const [issue] = validateConfig({
      ...base,
      mounts: [
        { destination: "/a" },
        { destination: "/b" },
        { destination: "/c" },
        { destination: 7 },
      ],
    }).issues;
    expect(issue).toEqual({
      path: "/mounts/3/destination",
      expected: "string",
      received: "7",
      message: "Invalid type: Expected string but received 7",
    });
  });

  test("the output keeps unknown fields", () => {
    const result = validateConfig({ ...base, extra: [1] });
    expect(result.success && result.output).toEqual({ ...base, extra: [1] });
  });
});

test("parseConfig returns the config or throws SpecValidationError with every issue", () => {
  expect(parseConfig(base)).toEqual(base);
  try {
    parseConfig({ root: 1 });
    throw new Error("unreachable");
  } catch (error) {
    expect(error).toBeInstanceOf(SpecValidationError);
    expect((error as SpecValidationError).issues.map((i) => i.path)).toEqual([
      "/ociVersion",
      "/root",
    ]);
    expect((error as SpecValidationError).message).toContain("(and 1 more)");
  }
});

test("validateState and validateFeatures", () => {
  const state = { ociVersion: "1.3.0", id: "c", status: "created", bundle: "/b", pid: 0 };
  expect(validateState(state).success).toBe(true);
  expect(validateState({ ...state, status: "paused" }).issues.map((i) => i.path)).toEqual([
    "/status",
  ]);
  expect(validateState({ ...state, pid: -1 }).issues.map((i) => i.path)).toEqual(["/pid"]);
  expect(validateFeatures({ ociVersionMin: "1.0.0" }).issues.map((i) => i.path)).toEqual([
    "/ociVersionMax",
  ]);
  const caps = { ociVersionMin: "1", ociVersionMax: "1", linux: { capabilities: ["CAP_x"] } };
  expect(validateFeatures(caps).issues.map((i) => i.path)).toEqual(["/linux/capabilities/0"]);
});
