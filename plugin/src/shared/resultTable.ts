import { csvRow, roundTo } from '@salesops/core';
import { valueFormatter, type FormatOptions, type ValueKind } from './formatValue.js';
import { glossaryHeader } from './glossary.js';

/** One column of a result table. */
export interface Column<R> {
  /** JSON / CSV name (camelCase, as in metrics.md). */
  readonly key: string;
  /** The figure's name in plugin/messages/glossary.md (header and meaning), when it differs from `key`. */
  readonly term?: string;
  /** Tokens of the glossary header (`%s attainment`). */
  readonly headerTokens?: readonly string[];
  readonly kind: ValueKind;
  readonly value: (row: R) => string | number | null;
  /**
   * In a terminal too narrow for the whole table, columns go from the largest number to the smallest; 1 (the
   * default of the first column) never goes. Default 3.
   */
  readonly priority?: number;
  /** A text cell wider than its column: `wrap` (default) onto more lines or cut with `…`. Numbers never are. */
  readonly overflow?: 'wrap' | 'ellipsis';
  /** A text column narrower than this is left out instead (e.g. long evidence wrapped into a tall thin column). */
  readonly minWidth?: number;
  /** Colour of a cell's text, in a terminal table only (never in CSV, Markdown, JSON or a file). */
  readonly paint?: (text: string) => string;
}

/** The header people read for a column (from the glossary). */
export function columnHeader<R>(column: Column<R>): string {
  return glossaryHeader(column.term ?? column.key, column.headerTokens);
}

export interface ResultTable<R> {
  readonly columns: ReadonlyArray<Column<R>>;
  readonly rows: readonly R[];
  /** A totals row (values by column key), shown last. */
  readonly totals?: Readonly<Record<string, string | number | null>>;
}

/** The table's cells as people read them (`$1,234`, `56.7%`, `—`), one array per row, and the totals row. */
export function formattedCells<R>(
  table: ResultTable<R>,
  options: FormatOptions,
): { rows: string[][]; totals?: string[] } {
  const formatters = table.columns.map((c) => valueFormatter(c.kind, options));
  const rows = table.rows.map((row) => table.columns.map((c, i) => (formatters[i] as Formatter)(c.value(row))));
  const totals = table.totals;
  if (!totals) return { rows };
  return { rows, totals: table.columns.map((c, i) => (formatters[i] as Formatter)(totals[c.key] ?? '')) };
}

type Formatter = (value: string | number | null) => string;

/**
 * CSV with the column keys as headers and plain values: no currency symbols or separators, ratios as fractions,
 * money rounded to the cent (core's `roundTo`, as the stored records are). Text that a spreadsheet would run as a
 * formula is neutralised (core's one CSV writer, `csvRow`).
 */
export function toCsv<R>(table: ResultTable<R>): string {
  const plain = (v: string | number | null, kind: ValueKind): string | number | null =>
    typeof v !== 'number' ? v : !Number.isFinite(v) ? null : kind === 'money' ? roundTo(v, 2) : v;
  const lines = [csvRow(table.columns.map((c) => c.key))];
  for (const row of table.rows) {
    lines.push(
      csvRow(
        table.columns.map((c) => plain(c.value(row), c.kind)),
        { neutralise: true },
      ),
    );
  }
  const totals = table.totals;
  if (totals)
    lines.push(
      csvRow(
        table.columns.map((c) => plain(totals[c.key] ?? null, c.kind)),
        { neutralise: true },
      ),
    );
  return lines.join('\n') + '\n';
}

/** A Markdown table of the formatted values (pipes in values escaped), the totals row last. */
export function toMarkdown<R>(table: ResultTable<R>, options: FormatOptions): string {
  const { rows, totals } = formattedCells(table, options);
  const escape = (s: string) => s.replaceAll('|', '\\|').replace(/[\r\n]+/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
  const align = table.columns.map((c) => (c.kind === 'text' ? '---' : '---:'));
  const lines = [line(table.columns.map(columnHeader)), `| ${align.join(' | ')} |`, ...rows.map(line)];
  if (totals) lines.push(line(totals));
  return lines.join('\n') + '\n';
}
