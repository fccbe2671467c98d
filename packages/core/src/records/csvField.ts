/** What a CSV cell may hold. */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Prefix text a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return)
   * with `'`, so `=HYPERLINK(…)` shows as text. For files people open (result CSV, failed records); never for data
   * sent to Salesforce, where the quote would be stored.
   */
  readonly neutralise?: boolean;
  /** What null and undefined become (default empty; Bulk API 2.0 ingest uses `#N/A` to clear a field). */
  readonly nullAs?: string;
  /** Quote text with leading or trailing spaces too (Bulk API 2.0 trims unquoted fields). */
  readonly quoteSpaces?: boolean;
}

/**
 * A text cell a spreadsheet would read as a formula (`=HYPERLINK(…)`, `+1`, `-1+2`, `@SUM(…)`, or a leading tab or
 * carriage return) gets a leading `'`, as OWASP's "CSV Injection" advice has it, so Excel, LibreOffice and Google
 * Sheets show it as text. {@link csvField} applies it to strings only: numbers stay numbers (`-12.5`).
 *
 * @example
 * neutraliseFormula('=HYPERLINK("http://x","y")') // => `'=HYPERLINK("http://x","y")`
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One CSV field as Data Loader writes it: empty for null, quoted (quotes doubled) when it holds a comma, quote or
 * line break.
 *
 * @example
 * csvField('a "b", c') // => '"a ""b"", c"'
 * csvField(null, { nullAs: '#N/A' }) // => '#N/A'
 */
export function csvField(value: CsvValue, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return options.nullAs ?? '';
  let text = String(value);
  if (options.neutralise && typeof value === 'string') text = neutraliseFormula(text);
  const quote = /[",\r\n]/.test(text) || (options.quoteSpaces === true && text !== text.trim());
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One CSV line (no line ending).
 *
 * @example
 * csvRow(['a', 1, null]) // => 'a,1,'
 */
export function csvRow(values: readonly CsvValue[], options: CsvOptions = {}): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i], options);
  }
  return line;
}

/**
 * A whole CSV text: a header of the column names, then one line per record (columns a record lacks are empty),
 * each ended by `\n`.
 *
 * @example
 * csvText(['Id', 'Name'], [{ Id: '1', Name: '=1+1' }], { neutralise: true }) // => "Id,Name\n1,'=1+1\n"
 */
export function csvText(
  columns: readonly string[],
  records: Iterable<Readonly<Record<string, CsvValue>>>,
  options: CsvOptions = {},
): string {
  let out = csvRow(columns, { ...options, nullAs: '' }) + '\n';
  for (const record of records)
    out +=
      csvRow(
        columns.map((c) => record[c]),
        options,
      ) + '\n';
  return out;
}
