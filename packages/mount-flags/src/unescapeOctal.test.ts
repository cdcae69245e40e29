import { expect, test } from "bun:test";
import { unescapeOctal } from "./unescapeOctal.ts";

test.each([
  ["no escapes", "/mnt/a", "/mnt/a"],
  ["space", "/mnt/a\\040b", "/mnt/a b"],
  ["tab", "/mnt/a\\011b", "/mnt/a\tb"],
  ["newline", "/mnt/a\\012b", "/mnt/a\nb"],
  ["backslash", "/mnt/a\\134b", "/mnt/a\\b"],
  ["an escaped backslash before digits stays one backslash", "/a\\134040", "/a\\040"],
  ["several", "\\040\\011\\012\\134", " \t\n\\"],
  ["a lone backslash is kept", "/a\\b", "/a\\b"],
  ["too few digits are kept", "/a\\04", "/a\\04"],
  ["non-octal digits are kept", "/a\\089", "/a\\089"],
  ["the deleted suffix", "/mnt/x\\040(deleted)", "/mnt/x (deleted)"],
])("%s", (_name, input, expected) => {
  expect(unescapeOctal(input)).toBe(expected);
});
