import { describe, expect, test } from "bun:test";
import { listFixtures } from "./conformance.fixture.ts";
import { BundleError } from "./index.ts";
import { validateDocument } from "./validateDocument.fixture.ts";

// Every fixture goes through the same read-and-parse path as a real bundle, then the validator for
// its kind. A bad fixture fails either at reading (invalid JSON) or at validation.
const fixtures = listFixtures();

describe("runtime-spec v1.3.0 conformance fixtures", () => {
  test("the shared folder holds the 12 good and 7 bad fixtures", () => {
    expect(fixtures.filter((f) => f.verdict === "good")).toHaveLength(12);
    expect(fixtures.filter((f) => f.verdict === "bad")).toHaveLength(7);
  });

  for (const { kind, verdict, name, file } of fixtures) {
    test(`${kind}/${verdict}/${name}`, async () => {
      const outcome = await validateDocument(kind, file);
      if (verdict === "good") {
        expect(outcome.issues).toEqual([]);
        expect(outcome.ok).toBe(true);
      } else {
        expect(outcome.ok).toBe(false);
      }
    });
  }

  const expectedBad: Record<string, string> = {
    "config/invalid-json.json": "EJSON",
    "state/invalid-json.json": "EJSON",
    "config/linux-hugepage.json": "/linux/resources/hugepageLimits/0/pageSize",
    "config/linux-netdevice.json": "/linux/netDevices/eth0/name",
    "config/linux-rdma.json": "/linux/resources/rdma/mlx5_1/hcaHandles",
    "config/freebsd-vnet-disable.json": "/freebsd/jail/vnet",
    "features/missing-ociVersionMax.json": "/ociVersionMax",
  };
  for (const [fixture, where] of Object.entries(expectedBad)) {
    test(`bad ${fixture} fails for the documented reason (${where})`, async () => {
      const row = fixtures.find((f) => f.verdict === "bad" && `${f.kind}/${f.name}` === fixture);
      expect(row).toBeDefined();
      const outcome = await validateDocument(row!.kind, row!.file);
      if (where.startsWith("/")) expect(outcome.issues.map((i) => i.path)).toEqual([where]);
      else expect(outcome.error).toBeInstanceOf(BundleError);
      if (!where.startsWith("/")) expect<string>((outcome.error as BundleError).code).toBe(where);
    });
  }
});
