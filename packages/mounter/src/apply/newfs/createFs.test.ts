import { describe, expect, test } from "bun:test";
import { FSCONFIG_CMD_CREATE, FSCONFIG_SET_FLAG } from "@ocimount/mount-flags";
import { ERRNO } from "@ocimount/mount-flags/errors";
import { createFakeSyscalls } from "../../sys/fake.ts";
import { SyscallError } from "../../sys/SyscallError.ts";
import { createFs } from "./createFs.ts";

const { EINVAL } = ERRNO;
const req = { fsType: "tmpfs", source: "tmpfs", flags: 0, data: ["nosiud"], attr: 0 };

/** A fake whose fsopen fd (the first fd, 100) holds `messages`, read one per read(2). */
function withMessages(messages: string[], failOn = FSCONFIG_SET_FLAG) {
  const queue = [...messages];
  return createFakeSyscalls({
    failOn: (op, args) => (op === "fsconfig" && args[1] === failOn ? EINVAL : undefined),
    reads: (fd) => (fd === 100 ? queue.shift() : undefined),
  });
}

describe("createFs: the kernel's own reason", () => {
  test("the fs context's message becomes the error's detail, without its e prefix", () => {
    const sys = withMessages(["e tmpfs: Unknown parameter 'nosiud'"]);
    let thrown: unknown;
    try {
      createFs(sys, req);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(SyscallError);
    expect(thrown).toMatchObject({
      op: "fsconfig",
      errno: EINVAL,
      detail: "tmpfs: Unknown parameter 'nosiud'",
    });
    expect(String((thrown as Error).message)).toContain("tmpfs: Unknown parameter 'nosiud'");
    expect([...sys.openFds]).toEqual([]);
  });

  test("several messages are joined; a create failure reads them too", () => {
    const sys = withMessages(["w tmpfs: one", "e tmpfs: two"], FSCONFIG_CMD_CREATE);
    expect(() => createFs(sys, { ...req, data: [] })).toThrow(
      expect.objectContaining({ detail: "tmpfs: one; tmpfs: two" }),
    );
  });

  test("no message: the call's own error, unchanged", () => {
    const sys = withMessages([]);
    expect(() => createFs(sys, req)).toThrow(expect.objectContaining({ detail: undefined }));
  });
});
