import { csvRow } from '@salesops/core';
import { formatValue, type FormatOptions, type ValueKind } from './formatValue.js';

/** One column of a result table. */
export interface Column<R> {
  /** JSON / CSV name (camelCase, as in metrics.md). */
  readonly key: string;
  /** Header people read. */
  readonly header: string;
  readonly kind: ValueKind;
  readonly value: (row: R) => string | number | null;
}

export interface ResultTable<R> {
  readonly columns: ReadonlyArray<Column<R>>;
  readonly rows: readonly R[];
  /** A totals row (values by column key), shown last. */
  readonly totals?: Readonly<Record<string, string | number | null>>;
}

/** Rows of formatted strings keyed by header, for the terminal table (the totals row last). */
export function formattedRows<R>(table: ResultTable<R>, options: FormatOptions): Array<Record<string, string>> {
  const rows = table.rows.map((row) =>
    Object.fromEntries(table.columns.map((c) => [c.header, formatValue(c.value(row), c.kind, options)])),
  );
  if (table.totals) {
    const totals = table.totals;
    rows.push(
      Object.fromEntries(table.columns.map((c) => [c.header, formatValue(totals[c.key] ?? '', c.kind, options)])),
    );
  }
  return rows;
}

/**
 * CSV with the column keys as headers and raw values (no currency symbols, ratios as fractions). Text that a
 * spreadsheet would run as a formula is neutralised (core's `neutraliseFormula`).
 */
export function toCsv<R>(table: ResultTable<R>): string {
  const lines = [csvRow(table.columns.map((c) => c.key))];
  for (const row of table.rows)
    lines.push(
      csvRow(
        table.columns.map((c) => c.value(row)),
        { neutralise: true },
      ),
    );
  if (table.totals) {
    const totals = table.totals;
    lines.push(
      csvRow(
        table.columns.map((c) => totals[c.key] ?? null),
        { neutralise: true },
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/** A Markdown table of the formatted values (pipes in values escaped). */
export function toMarkdown<R>(table: ResultTable<R>, options: FormatOptions): string {
  const rows = formattedRows(table, options);
  const headers = table.columns.map((c) => c.header);
  const escape = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const align = table.columns.map((c) => (c.kind === 'text' ? '---' : '---:'));
  return (
    [
      `| ${headers.map(escape).join(' | ')} |`,
      `| ${align.join(' | ')} |`,
      ...rows.map((r) => `| ${headers.map((h) => escape(r[h] ?? '')).join(' | ')} |`),
    ].join('\n') + '\n'
  );
}
