import type { SfCommand } from '@salesforce/sf-plugins-core';
import type { ResultFormat } from './commonFlags.js';
import { environmentLocale } from './formatValue.js';
import { visibleToLabel, warnAbout } from './dataWarnings.js';
import type { LoadedOrg } from './loadSnapshot.js';
import { wrapText } from './displayWidth.js';
import { periodText } from './periodText.js';
import { printTable } from './printTable.js';
import { toCsv, toMarkdown, type ResultTable } from './resultTable.js';
import { terminalWidth } from './terminalWidth.js';
import { outputMessages } from './pluralMessage.js';
import { writeOutputFile } from './writeOutputFile.js';

/**
 * Shows a command's result: the summary of what was read (stderr, so stdout stays clean for csv/json), then the
 * table, CSV, JSON or Markdown on stdout, and the same in `--output-file` when given (CSV for the table format,
 * JSON with `--json`). With `--json` only the JSON envelope is printed (by SfCommand). Colour is for the terminal
 * table only: CSV, Markdown, JSON and files never carry an escape code (docs/output.md).
 */
export async function presentResult<R, T>(
  command: SfCommand<T>,
  loaded: LoadedOrg,
  shown: ResultTable<R>,
  result: T,
  flags: { 'result-format': ResultFormat; 'output-file'?: string },
  title: string,
  /** Lines shown after the table in the terminal formats (gaps, balance, …); JSON carries them in the result. */
  notes?: readonly string[],
): Promise<void> {
  const options = { currency: loaded.snapshot.corporateCurrency, locale: environmentLocale() };
  const format = flags['result-format'];
  // On stderr, and with --json in the envelope's `warnings` as { code, message, affects }.
  for (const warning of loaded.warnings) warnAbout(command, warning);
  const table = visibleTotals(shown, loaded.visibleTo);
  if (!command.jsonEnabled()) {
    const data = loaded.snapshot.data;
    command.logToStderr(
      `Read ${data.opportunities.length} opportunities, ${data.opportunityHistory.length} history rows and ${data.users.length} users ` +
        `from ${loaded.source} in ${loaded.seconds.toFixed(1)} s (${loaded.recordsRead} records` +
        (loaded.requests > 0 ? `, ${loaded.requests} API requests` : '') +
        `). ${title}, ${periodText(loaded.period)} as of ${loaded.asOf}.`,
    );
    if (format === 'table') {
      printTable(command, table, options);
      const width = terminalWidth();
      for (const note of notes ?? []) command.log(width === undefined ? note : wrapText(note, width).join('\n'));
    } else {
      command.log(render(format, table, result, options).trimEnd());
      if (format === 'markdown') for (const line of notes ?? []) command.log(`\n${line}`);
    }
  }
  if (flags['output-file'] !== undefined) {
    const fileFormat = command.jsonEnabled() ? 'json' : format === 'table' ? 'csv' : format;
    await writeOutputFile(flags['output-file'], render(fileFormat, table, result, options));
    if (!command.jsonEnabled()) command.logToStderr(outputMessages.getMessage('info.Wrote', [flags['output-file']]));
  }
}

/** The totals row labelled "Total visible to <user>" when the login does not see every record. */
function visibleTotals<R>(table: ResultTable<R>, visibleTo: string | null): ResultTable<R> {
  const first = table.columns[0]?.key;
  const label = first === undefined ? undefined : table.totals?.[first];
  if (visibleTo === null || first === undefined || typeof label !== 'string') return table;
  return { ...table, totals: { ...table.totals, [first]: visibleToLabel(label, visibleTo) } };
}

function render<R, T>(
  format: Exclude<ResultFormat, 'table'>,
  table: ResultTable<R>,
  result: T,
  options: { currency: string; locale: string },
): string {
  if (format === 'csv') return toCsv(table);
  if (format === 'markdown') return toMarkdown(table, options);
  return JSON.stringify(result, null, 2) + '\n';
}
