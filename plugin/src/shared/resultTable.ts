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
 * A text cell a spreadsheet would read as a formula (`=HYPERLINK(…)`, `+1`, `-1+2`, `@SUM(…)`, or a leading tab or
 * carriage return) gets a leading `'`, as OWASP's "CSV Injection" advice has it, so Excel, LibreOffice and Google
 * Sheets show it as text. Numbers are written as numbers (a negative amount stays `-12.5`).
 *
 * @example
 * neutralizeFormula('=HYPERLINK("http://x","y")') // => `'=HYPERLINK("http://x","y")`
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * CSV with the column keys as headers and raw values (no currency symbols, ratios as fractions). Text that a
 * spreadsheet would run as a formula is neutralised ({@link neutralizeFormula}).
 */
export function toCsv<R>(table: ResultTable<R>): string {
  const cell = (v: string | number | null): string => {
    if (v === null) return '';
    const text = typeof v === 'string' ? neutralizeFormula(v) : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [table.columns.map((c) => c.key).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => cell(c.value(row))).join(','));
  if (table.totals) lines.push(table.columns.map((c) => cell(table.totals?.[c.key] ?? null)).join(','));
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
