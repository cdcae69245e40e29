import { expect } from "bun:test";
import { mountTest, runInNamespace } from "./helpers/namespace.ts";

const hostMountinfo = () => Bun.file("/proc/self/mountinfo").text();

mountTest("a mount made inside the test namespace never reaches the host", async () => {
  const before = await hostMountinfo();
  const dir = `${process.env.TMPDIR ?? "/tmp"}/ocimount-ns-${process.pid}`;
  const r = runInNamespace([
    "sh",
    "-c",
    `mkdir -p ${dir} && mount -t tmpfs ocimount-probe ${dir} && grep -c ocimount-probe /proc/self/mountinfo; rmdir ${dir} 2>/dev/null; true`,
  ]);
  expect(r.stderr).toBe("");
  expect(r.stdout.trim()).toBe("1");
  expect(await hostMountinfo()).toBe(before);
  Bun.spawnSync(["rmdir", dir]);
});
