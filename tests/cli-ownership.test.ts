/**
 * The CLI's side of ownership, in a private mount namespace: `status --check`, the stale
 * verdict after the mounts went away by hand, `teardown` of a stale journal (nothing touched,
 * exit 1) and `--forget`, `ocimount list`, and a foreign mount named by teardown.
 */
import { afterAll, expect } from "bun:test";
import {
  copyExampleBundle,
  exampleInNamespace,
  lines,
  removeWorkDirs,
} from "./fixtures/cli/cli.ts";
import { mountTest } from "./helpers/namespace.ts";

afterAll(removeWorkDirs);

mountTest(
  "status --check, list, a foreign mount named, a stale journal refused then forgotten",
  () => {
    const { bundle, state } = copyExampleBundle();
    const common = ["--bundle", bundle, "--state-dir", state];
    const runs = exampleInNamespace([
      ["status", ...common, "--check"],
      ["setup", ...common],
      ["status", ...common, "--check"],
      ["list", "--state-dir", state, "--json"],
      [
        "!",
        "sh",
        "-c",
        `mkdir -p ${bundle}/rootfs/tmp/user && mount -t tmpfs user ${bundle}/rootfs/tmp/user`,
      ],
      ["teardown", ...common],
      ["!", "umount", `${bundle}/rootfs/tmp/user`],
      ["!", "umount", "-R", `${bundle}/rootfs`],
      ["status", ...common, "--check"],
      ["teardown", ...common],
      ["teardown", ...common, "--forget"],
      ["status", ...common, "--json"],
    ]);
    const [notSetUp, setup, ready, list, , foreign, , , stale, staleTeardown, forget, after] = runs;
    expect(notSetUp?.exitCode).toBe(1);
    expect(setup?.exitCode).toBe(0);
    expect(ready?.exitCode).toBe(0);
    expect(lines(ready?.stdout ?? "")[0]).toEndWith(": set-up");
    const listed = JSON.parse(list?.stdout ?? "{}");
    expect(listed.journals).toHaveLength(1);
    expect(listed.journals[0]).toMatchObject({ state: "set-up", bundle: "here" });
    expect(listed.journals[0].namespace).toMatch(/^mnt:\[\d+\]$/);
    expect(foreign?.exitCode).toBe(1);
    expect(foreign?.stderr).toMatch(/mount \d+ at \S+\/rootfs\/tmp\/user was not made by setup/);
    expect(stale?.exitCode).toBe(1);
    expect(lines(stale?.stdout ?? "")[0]).toEndWith(": stale");
    expect(stale?.stdout).toContain("ocimount teardown --forget");
    expect(staleTeardown?.exitCode).toBe(1);
    expect(staleTeardown?.stderr).toContain("ESTALEJOURNAL");
    expect(forget?.exitCode).toBe(0);
    expect(forget?.stdout).toContain("journal discarded");
    expect(JSON.parse(after?.stdout ?? "{}").state).toBe("not-set-up");
  },
);
