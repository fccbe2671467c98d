import { statSync } from 'node:fs';
import { fieldMeta, readSchemas, type OrgData, type ReadObjectName } from '@salesops/core';
import { createCsvRecords } from '../csv/csvRecords.js';
import { CsvSyntaxError, type CsvRow } from '@salesops/csv';
import type { SharedTexts } from '../csv/sharedTexts.js';
import { DataDirError } from './dataDirError.js';
import { scanCsvFile } from '@salesops/csv/file';
import { readMirrorDelta } from './mirrorDelta.js';

/** Salesforce system fields exports carry that the toolkit does not read. */
const SYSTEM_FIELDS = new Set(
  [
    'IsDeleted',
    'CreatedById',
    'LastModifiedDate',
    'LastModifiedById',
    'SystemModstamp',
    'LastViewedDate',
    'LastReferencedDate',
  ].map((f) => f.toLowerCase()),
);

/**
 * Bytes of a short OpportunityHistory line (the seven columns read, a 15-character Id; the sample org's lines take
 * about 110, exports with the system fields more): the file's size over it is room for its rows, given to the table
 * up front. Shorter lines only make the table grow as it would without the estimate.
 */
const HISTORY_LINE_BYTES = 80;

/**
 * Reads `<SObject>.csv` (which exists) into what `OrgData` holds for `key`: checks the header's columns, each record's
 * field count and the CSV syntax, naming file, line and column and the fix. A mirror's delta files beside it are
 * applied (mirrorDelta.ts): the base's removed Ids skipped, the changes file's records read after the base's.
 */
export async function readCsvObject(
  file: string,
  key: keyof OrgData,
  sobject: ReadObjectName,
  shared: SharedTexts,
  internIds: boolean,
): Promise<unknown> {
  const size = statSync(file).size;
  if (size === 0) {
    throw new DataDirError(
      `${file}:1:1: the file is empty; it needs at least the header line of API names (a file with only the header ` +
        'means no records).',
      file,
      1,
      1,
    );
  }
  let header: string[] | undefined;
  let add: ((row: CsvRow) => void) | undefined;
  const expectedRows = key === 'opportunityHistory' ? size / HISTORY_LINE_BYTES : undefined;
  const records = createCsvRecords(key, sobject, file, { shared, internIds, expectedRows });
  const delta = await readMirrorDelta(file);
  const removed = delta && delta.removed.size > 0 ? delta.removed : null;
  let idAt = 0;
  await scanDataFile(file, (row) => {
    if (!header) {
      header = row.texts();
      checkColumns(file, sobject, header);
      add = records.header(header);
      idAt = header.indexOf('Id');
      return;
    }
    checkFieldCount(file, row, header);
    if (removed && removed.has(row.text(idAt))) return;
    (add as (row: CsvRow) => void)(row);
  });
  if (!header) {
    throw new DataDirError(`${file}:1:1: no header line; the first line must list the API names.`, file, 1, 1);
  }
  if (delta?.changes) await scanChanges(delta.changes, header, records.header(header, delta.changes));
  return records.done();
}

/** The records of a mirror's changes file (its header is the base's), after the base's. */
async function scanChanges(file: string, header: readonly string[], add: (row: CsvRow) => void): Promise<void> {
  let first = true;
  await scanDataFile(file, (row) => {
    if (first) {
      first = false;
      const columns = row.texts();
      if (columns.join(',') !== header.join(',')) {
        throw new DataDirError(
          `${file}:1: the changes file's header (${columns.join(', ')}) differs from its base file's ` +
            `(${header.join(', ')}). Sync the mirror again with --full.`,
          file,
          1,
        );
      }
      return;
    }
    checkFieldCount(file, row, header);
    add(row);
  });
}

/** Scans a CSV file, a syntax error named by file, line and column. */
async function scanDataFile(file: string, visit: (row: CsvRow) => void): Promise<void> {
  try {
    await scanCsvFile(file, visit);
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    throw new DataDirError(
      `${file}:${e.line}:${e.column}: not valid CSV (${e.message}). ` +
        'Quote fields that contain commas, quotes or line breaks, and double the quotes inside them.',
      file,
      e.line,
      e.column,
    );
  }
}

function checkFieldCount(file: string, row: CsvRow, header: readonly string[]): void {
  if (row.count === header.length) return;
  throw new DataDirError(
    `${file}:${row.line}: the record has ${row.count} field${row.count === 1 ? '' : 's'}, the header ` +
      `${header.length}. Quote fields that contain commas, quotes or line breaks.`,
    file,
    row.line,
  );
}

/** Levenshtein distance, capped (only small distances matter). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function checkColumns(file: string, sobject: ReadObjectName, columns: string[]): void {
  const fields = Object.keys(readSchemas[sobject].shape);
  const known = new Set(fields);
  columns.forEach((column, index) => {
    if (known.has(column) || SYSTEM_FIELDS.has(column.toLowerCase()) || column.includes('.')) return;
    const near =
      fields.find(
        (f) => f.toLowerCase() === column.toLowerCase() || f.toLowerCase() === column.replace(/\s+/g, '').toLowerCase(),
      ) ?? fields.find((f) => distance(f.toLowerCase(), column.toLowerCase()) <= 2);
    const label = /\s/.test(column.trim()) || column.trim() === '';
    if (!near && !label) return; // a field the toolkit does not read: exports carry every field
    throw new DataDirError(
      `${file}:1:${index + 1}: unknown column "${column}" for ${sobject}` +
        (near ? `; did you mean ${near}?` : '; headers must be API names, not labels.') +
        ` ${sobject} columns the toolkit reads: ${fields.join(', ')}.`,
      file,
      1,
      index + 1,
    );
  });
  checkRequiredColumns(file, sobject, columns);
}

function checkRequiredColumns(file: string, sobject: ReadObjectName, columns: string[]): void {
  const have = new Set(columns);
  const missing = Object.entries(readSchemas[sobject].shape)
    .filter(([name, s]) => !fieldMeta(s, name).nullable && !have.has(name))
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new DataDirError(
      `${file}:1: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(header has ${columns.join(', ')}). Export ${sobject} with ${missing.join(', ')}.`,
      file,
      1,
    );
  }
}
