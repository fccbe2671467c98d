import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import {
  createRecordParser,
  fieldMeta,
  orgDataObjects,
  readSchemas,
  RecordParseError,
  type OrgData,
  type ReadObjectName,
} from '@salesops/core';

/** A data-dir file that cannot be read: names the file, line and column, and the fix. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * Loads a `--data-dir` folder (`<SObject>.csv` with API-name headers, as Data Loader, Data Export and
 * `sf data query --result-format csv` write them) into the engine's `OrgData`. Files are streamed; a file an
 * org does not have (territories, currencies, custom fiscal years) gives an empty list. `Organization.csv` is
 * required.
 */
export async function readDataDir(dir: string): Promise<OrgData> {
  const entries = await Promise.all(
    Object.entries(orgDataObjects).map(async ([key, sobject]) => [key, await readObject(dir, sobject)] as const),
  );
  const data = Object.fromEntries(entries) as Record<string, unknown[]>;
  const organization = data['organization']?.[0];
  if (!organization) {
    throw new DataDirError(
      `${join(dir, 'Organization.csv')} is missing or empty: export the Organization record (Id, TimeZoneSidKey, ` +
        'FiscalYearStartMonth, UsesStartDateAsFiscalYearName, DefaultCurrencyIsoCode) into it.',
      join(dir, 'Organization.csv'),
    );
  }
  return { ...data, organization } as unknown as OrgData;
}

async function readObject(dir: string, sobject: ReadObjectName): Promise<unknown[]> {
  const file = join(dir, `${sobject}.csv`);
  if (!existsSync(file)) return [];
  const schema = readSchemas[sobject];
  const parseRecord = createRecordParser(sobject, schema);
  const rows: unknown[] = [];
  const parser = createReadStream(file).pipe(parse({ bom: true, columns: true, info: true, skip_empty_lines: true }));
  let checkedHeader = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (!checkedHeader) {
        checkRequiredColumns(file, sobject, Object.keys(record));
        checkedHeader = true;
      }
      rows.push(parseRecord(record, { file, line: info.lines }));
    }
  } catch (e) {
    if (e instanceof RecordParseError || e instanceof DataDirError) throw e;
    const err = e as Error & { lines?: number };
    throw new DataDirError(
      `${file}${err.lines !== undefined ? `:${err.lines}` : ''}: not valid CSV (${err.message}). ` +
        'Quote fields that contain commas, quotes or line breaks, and double the quotes inside them.',
      file,
      err.lines,
    );
  }
  return rows;
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
