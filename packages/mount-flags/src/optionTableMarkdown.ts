import { describeMountOptions } from "./describeMountOptions.ts";

function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/**
 * The README's option table as Markdown, generated from the tables (internal: used by
 * `readme.ts`, which writes it into README.md, and by the test that keeps the README in sync).
 */
export function optionTableMarkdown(): string {
  const rows = describeMountOptions().map(
    (row) =>
      `| \`${row.option}\` | ${row.kind} | ${cell(row.effect)} | ${cell(row.value)} | 0x${row.bits.toString(16)} |`,
  );
  const header = "| Option | Kind | Effect | Kernel values | Value |";
  return [header, "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}
