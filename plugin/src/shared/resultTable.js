import { csvRow, roundTo } from '@salesops/core';
import { valueFormatter } from './formatValue.js';
import { glossaryHeader } from './glossary.js';
/** The header people read for a column (from the glossary). */
export function columnHeader(column) {
    return glossaryHeader(column.term ?? column.key, column.headerTokens);
}
/** The table's cells as people read them (`$1,234`, `56.7%`, `—`), one array per row, and the totals row. */
export function formattedCells(table, options) {
    const formatters = table.columns.map((c) => valueFormatter(c.kind, options));
    const rows = table.rows.map((row) => table.columns.map((c, i) => formatters[i](c.value(row))));
    const totals = table.totals;
    if (!totals)
        return { rows };
    return { rows, totals: table.columns.map((c, i) => formatters[i](totals[c.key] ?? '')) };
}
/**
 * CSV with the column keys as headers and plain values: no currency symbols or separators, ratios as fractions,
 * money rounded to the cent (core's `roundTo`, as the stored records are). Text that a spreadsheet would run as a
 * formula is neutralised (core's one CSV writer, `csvRow`).
 */
export function toCsv(table) {
    const plain = (v, kind) => typeof v !== 'number' ? v : !Number.isFinite(v) ? null : kind === 'money' ? roundTo(v, 2) : v;
    const lines = [csvRow(table.columns.map((c) => c.key))];
    for (const row of table.rows) {
        lines.push(csvRow(table.columns.map((c) => plain(c.value(row), c.kind)), { neutralise: true }));
    }
    const totals = table.totals;
    if (totals)
        lines.push(csvRow(table.columns.map((c) => plain(totals[c.key] ?? null, c.kind)), { neutralise: true }));
    return lines.join('\n') + '\n';
}
/** A Markdown table of the formatted values (pipes in values escaped), the totals row last. */
export function toMarkdown(table, options) {
    const { rows, totals } = formattedCells(table, options);
    const escape = (s) => s.replaceAll('|', '\\|').replace(/[\r\n]+/g, ' ');
    const line = (cells) => `| ${cells.map(escape).join(' | ')} |`;
    const align = table.columns.map((c) => (c.kind === 'text' ? '---' : '---:'));
    const lines = [line(table.columns.map(columnHeader)), `| ${align.join(' | ')} |`, ...rows.map(line)];
    if (totals)
        lines.push(line(totals));
    return lines.join('\n') + '\n';
}
//# sourceMappingURL=resultTable.js.map