import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvSyntaxError, type CsvRow } from '../csv/parseCsv.js';
import { createCsvRowDecoder, referencedObjects } from '../csv/csvRowDecoder.js';
import { SharedTexts } from '../csv/sharedTexts.js';
import { bufferText } from './bufferText.js';
import { scanCsvFile } from './scanCsvFile.js';
import {
  createRecordParser,
  fieldMeta,
  orgDataObjects,
  readSchemas,
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
    /** 1-based column (CSV field position, or character in a JSON file). */
    readonly column?: number,
  ) {
    super(message);
  }
}

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

export interface ReadDataDirOptions {
  /**
   * The objects to read, as `OrgData` keys (default: all), as `readOrgData` takes them: the others are not read and
   * come back empty (line items outside product demand); `organization` is always read.
   */
  readonly objects?: ReadonlyArray<keyof OrgData>;
}

/**
 * Loads a `--data-dir` folder into the engine's `OrgData`: `<SObject>.csv` with API-name headers (as Data Loader,
 * Data Export and `sf data query --result-format csv` write them; streamed), and/or `sf data tree export --plan`
 * output (`*plan.json` listing per-object files of `{ "records": [{ "attributes": { "type", "referenceId" }, … }] }`;
 * `@referenceId` lookups resolve to the referenced record's Id, a record without Id takes its referenceId). An object
 * missing from the folder (territories, currencies, custom fiscal years) gives an empty list; the Organization record
 * is required. Columns the toolkit does not read are ignored (exports carry every field), except headers that look
 * like a misspelt field or a label instead of an API name, which stop the read naming the file, line and column.
 */
export async function readDataDir(dir: string, options: ReadDataDirOptions = {}): Promise<OrgData> {
  const wanted = options.objects ? new Set<string>([...options.objects, 'organization']) : null;
  const tree = await readTreePlans(dir);
  // One copy of each shared text over all files: a deal's history rows and line items hold its Id, not copies of it.
  const shared = new SharedTexts(bufferText);
  const referenced = referencedObjects();
  // One object after the other: a million-deal org is a gigabyte of CSV, and parsing every file at once holds every
  // file's garbage at once (twice the peak memory, and the collector's time with it).
  const entries: Array<readonly [string, unknown[]]> = [];
  for (const [key, sobject] of Object.entries(orgDataObjects)) {
    if (wanted && !wanted.has(key)) {
      entries.push([key, []]);
      continue;
    }
    const fromTree = tree.get(sobject);
    const csv = join(dir, `${sobject}.csv`);
    if (fromTree && existsSync(csv)) {
      throw new DataDirError(
        `${sobject} is in both ${csv} and the tree plan's ${fromTree.files.join(', ')}: keep one of them.`,
        csv,
      );
    }
    entries.push([
      key,
      fromTree ? parseTreeRecords(sobject, fromTree) : await readObject(dir, sobject, shared, referenced.has(sobject)),
    ]);
  }
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

async function readObject(
  dir: string,
  sobject: ReadObjectName,
  shared: SharedTexts,
  internIds: boolean,
): Promise<unknown[]> {
  const file = join(dir, `${sobject}.csv`);
  if (!existsSync(file)) return [];
  if (statSync(file).size === 0) {
    throw new DataDirError(
      `${file}:1:1: the file is empty; it needs at least the header line of API names (a file with only the header ` +
        'means no records).',
      file,
      1,
      1,
    );
  }
  const schema = readSchemas[sobject];
  const rows: unknown[] = [];
  let header: string[] | undefined;
  let decode: ((row: CsvRow) => unknown) | undefined;
  try {
    await scanCsvFile(file, (row) => {
      if (!header) {
        header = row.texts();
        checkColumns(file, sobject, header);
        decode = createCsvRowDecoder(sobject, schema, header, file, { shared, internIds });
        return;
      }
      if (row.count !== header.length) {
        throw new DataDirError(
          `${file}:${row.line}: the record has ${row.count} field${row.count === 1 ? '' : 's'}, the header ` +
            `${header.length}. Quote fields that contain commas, quotes or line breaks.`,
          file,
          row.line,
        );
      }
      rows.push((decode as (row: CsvRow) => unknown)(row));
    });
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
  if (!header) {
    throw new DataDirError(`${file}:1:1: no header line; the first line must list the API names.`, file, 1, 1);
  }
  return rows;
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

interface TreeObject {
  /** Plan files that hold the object's records. */
  readonly files: string[];
  readonly records: Array<{ record: Record<string, unknown>; file: string; index: number }>;
  /** referenceId → Id (or the referenceId when the record has no Id), over every plan file. */
  readonly refs: Map<string, string>;
}

/** Reads every `*plan.json` of `sf data tree export --plan` in the folder: records per object, and the references. */
async function readTreePlans(dir: string): Promise<Map<string, TreeObject>> {
  const byObject = new Map<string, TreeObject>();
  if (!existsSync(dir)) return byObject;
  const plans = (await readdir(dir)).filter((f) => /plan\.json$/i.test(f)).sort();
  const refs = new Map<string, string>();
  for (const planName of plans) {
    const planFile = join(dir, planName);
    const plan = parseJson(planFile, await readFile(planFile, 'utf8'));
    if (!Array.isArray(plan)) {
      throw new DataDirError(
        `${planFile}:1:1: a tree plan is a JSON array of { "sobject", "files" } entries.`,
        planFile,
        1,
        1,
      );
    }
    for (const entry of plan as Array<{ sobject?: unknown; files?: unknown }>) {
      if (typeof entry?.sobject !== 'string' || !Array.isArray(entry.files)) {
        throw new DataDirError(`${planFile}: every plan entry needs "sobject" and "files".`, planFile);
      }
      for (const name of entry.files as unknown[]) {
        const file = join(dir, String(name));
        if (!existsSync(file)) throw new DataDirError(`${planFile} lists ${file}, which does not exist.`, planFile);
        const content = parseJson(file, await readFile(file, 'utf8')) as { records?: unknown };
        if (!Array.isArray(content?.records)) {
          throw new DataDirError(
            `${file}:1:1: expected { "records": [ … ] } as sf data tree export writes it.`,
            file,
            1,
            1,
          );
        }
        (content.records as Array<Record<string, unknown>>).forEach((record, index) => {
          const attributes = (record['attributes'] ?? {}) as { type?: unknown; referenceId?: unknown };
          const type = typeof attributes.type === 'string' ? attributes.type : entry.sobject;
          let object = byObject.get(type as string);
          if (!object) byObject.set(type as string, (object = { files: [], records: [], refs }));
          if (!object.files.includes(file)) object.files.push(file);
          object.records.push({ record, file, index });
          if (typeof attributes.referenceId === 'string') {
            const id = typeof record['Id'] === 'string' ? record['Id'] : treeId(type as string, refs.size);
            refs.set(attributes.referenceId, id);
          }
        });
      }
    }
  }
  return byObject;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message);
    let line: number | undefined;
    let column: number | undefined;
    if (position) {
      const before = text.slice(0, Number(position[1]));
      line = before.split('\n').length;
      column = before.length - before.lastIndexOf('\n');
    }
    throw new DataDirError(
      `${file}${line !== undefined ? `:${line}:${column}` : ''}: not valid JSON (${(e as Error).message}).`,
      file,
      line,
      column,
    );
  }
}

function parseTreeRecords(sobject: ReadObjectName, tree: TreeObject): unknown[] {
  const parseRecord = createRecordParser(sobject, readSchemas[sobject]);
  return tree.records.map(({ record, file, index }) => {
    const flat: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(record)) {
      if (name === 'attributes') continue;
      if (typeof value === 'string' && value.startsWith('@')) {
        const target = tree.refs.get(value.slice(1));
        if (target === undefined) {
          throw new DataDirError(
            `${file}: record ${index + 1} of ${sobject}: ${name} refers to ${value}, which no plan file defines.`,
            file,
          );
        }
        flat[name] = target;
      } else flat[name] = value;
    }
    if (flat['Id'] === undefined) flat['Id'] = tree.refs.get(referenceIdOf(record) ?? '') ?? treeId(sobject, index);
    return parseRecord(flat, { file: `${file} (record ${index + 1})` });
  });
}

function referenceIdOf(record: Record<string, unknown>): string | undefined {
  const ref = (record['attributes'] as { referenceId?: unknown } | undefined)?.referenceId;
  return typeof ref === 'string' ? ref : undefined;
}

/** Key prefixes of the objects a tree export may hold without Ids. */
const KEY_PREFIXES: Record<string, string> = { Account: '001', Opportunity: '006', Product2: '01t', User: '005' };

/**
 * A stand-in Id for a tree record exported without one (`sf data tree export` leaves Ids out): the object's key
 * prefix and a sequence number, 15 characters, stable for the same files.
 */
function treeId(sobject: string, n: number): string {
  return `${KEY_PREFIXES[sobject] ?? '000'}${String(n + 1).padStart(12, '0')}`;
}
