import { describe, expect, test } from "bun:test";
import { parseMountOptions } from "@ocimount/mount-flags";
import { describeOptions } from "./describeStep.ts";

const cases: ReadonlyArray<{ name: string; options: string[]; want: string[] }> = [
  { name: "set flags", options: ["ro", "nosuid"], want: ["ro", "nosuid"] },
  { name: "cleared flags as their option words", options: ["rw", "suid"], want: ["rw", "suid"] },
  {
    name: "an atime mode hides the modes it replaced",
    options: ["strictatime"],
    want: ["strictatime"],
  },
  { name: "propagation in order", options: ["rprivate", "shared"], want: ["rprivate", "shared"] },
  { name: "recursive attributes", options: ["rro", "rnosuid", "rrw"], want: ["rnosuid", "rrw"] },
  {
    name: "recursive relatime and clears",
    options: ["rsuid", "rrelatime"],
    want: ["rrelatime", "rsuid"],
  },
  {
    name: "data and extras",
    options: ["tmpcopyup", "size=1m"],
    want: ["tmpcopyup", "data=size=1m"],
  },
];

describe("describeOptions", () => {
  for (const c of cases)
    test(c.name, () => expect(describeOptions(parseMountOptions(c.options))).toEqual(c.want));
});
