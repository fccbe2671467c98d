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
 * CSV with the column keys as headers and plain values: no currency symbols or separators, ratios as fractions,
 * money rounded to the cent. Text that a spreadsheet would run as a formula is neutralised
 * ({@link neutralizeFormula}).
 */
export function toCsv<R>(table: ResultTable<R>): string {
  const cell = (v: string | number | null, kind: ValueKind): string => {
    if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return '';
    const text = typeof v === 'string' ? neutralizeFormula(v) : String(kind === 'money' ? roundToCent(v) : v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [table.columns.map((c) => c.key).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => cell(c.value(row), c.kind)).join(','));
  if (table.totals) lines.push(table.columns.map((c) => cell(table.totals?.[c.key] ?? null, c.kind)).join(','));
  return lines.join('\n') + '\n';
}

/**
 * An amount rounded to the cent, half away from zero, without binary artefacts.
 *
 * @example
 * roundToCent(7487957.789195121); // 7487957.79
 * roundToCent(1.005); // 1.01
 */
export function roundToCent(amount: number): number {
  const cents = Math.round(Math.abs(Number((amount * 100).toPrecision(15))));
  return (Math.sign(amount) * cents) / 100 || 0;
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
