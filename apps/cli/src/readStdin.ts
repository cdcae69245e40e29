import { DEFAULT_MAX_BYTES } from "@ocimount/oci-spec";
import { CliError } from "./CliError.ts";

/**
 * Reads stdin as UTF-8 text, at most `maxBytes` (the same cap as JSON files), so `validate -`
 * or `hook` fed from `/dev/zero` fails with `EFBIG` instead of filling memory. The one stdin
 * reader of the CLI. Throws `CliError`
 * (`EFBIG`, `EENCODING`).
 */
export async function readStdin(maxBytes: number = DEFAULT_MAX_BYTES): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of Bun.stdin.stream()) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      throw new CliError({
        code: "EFBIG",
        what: "stdin too large",
        where: "-",
        text: `more than ${maxBytes} bytes`,
      });
    }
    chunks.push(chunk);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new CliError({
      code: "EENCODING",
      what: "stdin is not UTF-8 text",
      where: "-",
      text: "invalid UTF-8",
    });
  }
}
