import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createRecordParser,
  emptyOrgDataRecords,
  orgDataRecords,
  orgDataObjects,
  readSchemas,
  type Opportunity,
  type OpportunityHistoryTable,
  type OrgData,
  type OrgDataRecords,
  type ReadObjectName,
} from '@salesops/core';
import { defaultReadObjects } from '../defaultReadObjects.js';
import { referencedObjects } from '../csv/csvRowDecoder.js';
import { SharedTexts } from '../csv/sharedTexts.js';
import { bufferText } from './bufferText.js';
import { DataDirError } from './dataDirError.js';
import { readCsvObject } from './readCsvObject.js';
import { MissingDataFileError } from './missingDataFileError.js';
import { readHistoryInWorker } from './readHistoryInWorker.js';

export { DataDirError } from './dataDirError.js';
export { MissingDataFileError } from './missingDataFileError.js';

export interface ReadDataDirOptions {
  /**
   * The objects to read, as `OrgData` keys, as `readOrgData` takes them (default: all but the funnel's
   * `REVOPS_OBJECTS`, leads, campaigns and activities, which only the commands that compute with them name): the
   * others are not read and come back empty (line items outside product demand); `organization` is always read.
   */
  readonly objects?: ReadonlyArray<keyof OrgData>;
  /**
   * Read `OpportunityHistory.csv` in a worker thread while this one reads the other files: 'auto' (the default) from
   * 32 MiB on (about 300,000 rows), where the thread's start-up is worth it.
   */
  readonly historyInWorker?: 'auto' | 'always' | 'never';
  /**
   * Objects the caller cannot do without, as `OrgData` keys: a missing `<SObject>.csv` (and no tree plan for it)
   * throws `MissingDataFileError` instead of reading as empty.
   */
  readonly required?: ReadonlyArray<keyof OrgData>;
}

const HISTORY_WORKER_BYTES = 32 * 2 ** 20;

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
  const wanted = new Set<string>([...(options.objects ?? defaultReadObjects()), 'organization']);
  const tree = await readTreePlans(dir);
  // One copy of each shared text over all files: a deal's history rows and line items hold its Id, not copies of it.
  const shared = new SharedTexts(bufferText);
  const historyFile = join(dir, 'OpportunityHistory.csv');
  const mode = options.historyInWorker ?? 'auto';
  const history =
    mode !== 'never' &&
    wanted.has('opportunityHistory') &&
    !tree.has('OpportunityHistory') &&
    existsSync(historyFile) &&
    (mode === 'always' || statSync(historyFile).size >= HISTORY_WORKER_BYTES)
      ? readHistoryInWorker(
          historyFile,
          async () =>
            (await readCsvObject(
              historyFile,
              'opportunityHistory',
              'OpportunityHistory',
              shared,
              false,
            )) as OpportunityHistoryTable,
        )
      : null;
  // Ids kept once for the references this thread reads (the worker's history rows hold their own copies).
  const referenced = referencedObjects(
    [...wanted]
      .filter((key) => !(key === 'opportunityHistory' && history))
      .map((key) => orgDataObjects[key as keyof OrgData]),
  );
  // Otherwise one object after the other: a million-deal org is a gigabyte of CSV, and parsing every file at once
  // holds every file's garbage at once (twice the peak memory, and the collector's time with it).
  const entries: Array<readonly [string, unknown]> = [];
  try {
    for (const [key, sobject] of Object.entries(orgDataObjects) as Array<[keyof OrgData, ReadObjectName]>) {
      if (!wanted.has(key)) {
        entries.push([key, emptyOrgDataRecords(key)]);
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
      if (fromTree) {
        const records = orgDataRecords(key);
        parseTreeRecords(sobject, fromTree, records);
        entries.push([key, records.done()]);
      } else if (key === 'opportunityHistory' && history) {
        // Read after the deals (OrgData's order): the runs take the deals' Id strings.
        const deals = entries.find(([k]) => k === 'opportunities')?.[1] as Opportunity[] | undefined;
        entries.push([key, history.table(deals)]);
      } else if (!existsSync(csv)) {
        if (options.required?.includes(key)) throw new MissingDataFileError(sobject, csv);
        entries.push([key, emptyOrgDataRecords(key)]);
      } else entries.push([key, await readCsvObject(csv, key, sobject, shared, referenced.has(sobject))]);
    }
  } catch (e) {
    await history?.stop();
    throw e;
  }
  const data = Object.fromEntries(
    await Promise.all(entries.map(async ([key, value]) => [key, await value] as const)),
  ) as Record<string, unknown>;
  const organization = (data['organization'] as unknown[])[0];
  if (!organization) {
    throw new DataDirError(
      `${join(dir, 'Organization.csv')} is missing or empty: export the Organization record (Id, TimeZoneSidKey, ` +
        'FiscalYearStartMonth, UsesStartDateAsFiscalYearName, DefaultCurrencyIsoCode) into it.',
      join(dir, 'Organization.csv'),
    );
  }
  return { ...data, organization } as unknown as OrgData;
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

function parseTreeRecords(sobject: ReadObjectName, tree: TreeObject, records: OrgDataRecords): void {
  const parseRecord = createRecordParser(sobject, readSchemas[sobject]);
  tree.records.forEach(({ record, file, index }) => {
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
    records.push(parseRecord(flat, { file: `${file} (record ${index + 1})` }));
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
