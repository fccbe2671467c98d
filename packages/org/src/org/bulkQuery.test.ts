// Bulk API 2.0 reads against a scripted connection that serves CSV files as result pages: the records, and the
// errors, are those of the file reader on the same files (the paging itself runs over HTTP in test/orgRead.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordParseError } from '@salesops/core';
import { readDataDir } from '../files/readDataDir.js';
import { bulkQuery, type ApiResponse } from './bulkQuery.js';
import { readOrgData, type QueryConnection } from './readOrgData.js';

function csv(records: ReadonlyArray<readonly string[]>): string {
  const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
  return records.map((r) => r.map(quote).join(',') + '\n').join('');
}

const ORGANIZATION = [
  ['Id', 'Name', 'TimeZoneSidKey', 'FiscalYearStartMonth', 'UsesStartDateAsFiscalYearName', 'DefaultCurrencyIsoCode'],
  ['00D000000000001AAA', 'Zürich "Sales", Inc.', 'Europe/Zurich', '2', 'false', 'CHF'],
];
const USER = [
  ['Id', 'Name', 'IsActive', 'CreatedDate'],
  ['005000000000001AAA', 'Zoë Ōtani 東京 🚀', 'true', '2024-01-05T09:30:00.000Z'],
  ['005000000000002AAA', 'Line\nbreak, "quoted"', '1', '2024-01-05T09:30:00.000+0200'],
];
const OPPORTUNITY_HEADER = [
  'Id',
  'Name',
  'OwnerId',
  'Amount',
  'StageName',
  'CloseDate',
  'CreatedDate',
  'IsClosed',
  'IsWon',
  'NextStep',
];
const OPPORTUNITY = [
  OPPORTUNITY_HEADER,
  ['006000000000001AAA', 'Acme, "big" deal', '005000000000001AAA', '1250.50', 'Négociation', '2026-05-01'],
  ['006000000000002AAA', 'two\r\nlines', '005000000000002AAA', '', 'Closed Won', '2026-02-28'],
  ['006000000000003AAA', '', '005000000000001AAA', '1e3', 'Négociation', '2026-05-01'],
  ['006000000000004AAA', '""', '005000000000001AAA', ' 7 ', 'Prospecting', '2024-02-29'],
  ['006000000000005AAA', 'Ünïcödé', '005000000000002AAA', '-0.25', 'Prospecting', '2026-05-01'],
].map((r, i) =>
  i === 0 ? r : [...r, '2026-01-02T03:04:05.000Z', i % 2 ? 'true' : 'false', 'FALSE', i === 3 ? '' : 'Call'],
);
const HISTORY = [
  ['Id', 'OpportunityId', 'CreatedDate', 'StageName', 'Amount', 'CloseDate'],
  ...Array.from({ length: 7 }, (_, i) => [
    `008${String(i + 1).padStart(15, '0')}`,
    `00600000000000${(i % 5) + 1}AAA`,
    '2026-01-02T03:04:05.000Z',
    i % 2 ? 'Négociation' : 'Prospecting',
    String(100 * i),
    '2026-05-01',
  ]),
];

/**
 * A jsforce-like connection that knows the objects of `files` (header and records) and serves each Bulk query's
 * records in pages of `pageSize`, every page with the header line.
 */
function bulkConnection(files: Record<string, ReadonlyArray<readonly string[]>>, pageSize: number) {
  const pages = new Map<string, string[]>();
  let jobs = 0;
  const transport = { httpRequest: (request: unknown) => Promise.resolve(request as ApiResponse) };
  const connection = {
    _transport: transport,
    describeGlobal: () => Promise.reject(new Error('over request')),
    describe: () => Promise.reject(new Error('over request')),
    query: () => Promise.reject(new Error('over request')),
    queryMore: () => Promise.reject(new Error('over request')),
    async request(request: { method: string; url: string; body?: string }, options?: { transport?: typeof transport }) {
      const { url } = request;
      if (url === '/sobjects') {
        return { sobjects: Object.keys(files).map((name) => ({ name, queryable: true })) };
      }
      const described = /^\/sobjects\/(\w+)\/describe$/.exec(url);
      if (described) return { fields: (files[described[1] as string]?.[0] ?? []).map((name) => ({ name })) };
      if (url === '/jobs/query') {
        const sobject = /FROM (\w+)/.exec(request.body ?? '')?.[1] as string;
        const [header, ...records] = files[sobject] as ReadonlyArray<readonly string[]>;
        const id = `750${++jobs}`;
        const chunks: string[] = [];
        for (let i = 0; i < Math.max(1, records.length); i += pageSize) {
          chunks.push(csv([header as string[], ...records.slice(i, i + pageSize)]));
        }
        pages.set(id, chunks);
        return { id, state: 'UploadComplete' };
      }
      const results = /^\/jobs\/query\/(\w+)\/results(?:\?locator=(\d+))?$/.exec(url);
      if (results) {
        const chunks = pages.get(results[1] as string) as string[];
        const index = Number(results[2] ?? 0);
        const locator = index + 1 < chunks.length ? String(index + 1) : 'null';
        // The headers reach the reader through the transport it passes, as jsforce's do.
        const response = { statusCode: 200, headers: { 'sforce-locator': locator }, body: chunks[index] as string };
        return ((await options?.transport?.httpRequest(response)) as ApiResponse).body;
      }
      if (/^\/jobs\/query\/\w+$/.test(url)) return { state: 'JobComplete' };
      throw new Error(`unexpected ${request.method} ${url}`);
    },
  };
  return connection as unknown as QueryConnection;
}

describe('Bulk API 2.0 reads decoded from the bytes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesops-bulk-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const files = { Organization: ORGANIZATION, User: USER, Opportunity: OPPORTUNITY, OpportunityHistory: HISTORY };
  const writeFiles = (objects: Record<string, ReadonlyArray<readonly string[]>>) => {
    for (const [sobject, records] of Object.entries(objects)) writeFileSync(join(dir, `${sobject}.csv`), csv(records));
  };

  it('gives the records of the file reader on the same data, over pages of any size', async () => {
    writeFiles(files);
    const fromFiles = await readDataDir(dir);
    expect(fromFiles.users[1]?.Name).toBe('Line\nbreak, "quoted"');
    expect(fromFiles.opportunities[1]?.Name).toBe('two\r\nlines');
    expect(fromFiles.opportunities[3]?.Name).toBe('""');
    for (const pageSize of [1, 2, 3, 100]) {
      const read = await readOrgData(bulkConnection(files, pageSize), { bulk: 'always' });
      expect(read.bulkObjects).toEqual(['Organization', 'User', 'Opportunity', 'OpportunityHistory']);
      expect(read.data).toEqual(fromFiles);
      // One copy of a deal's Id for the deal and its history, as the file reader keeps it.
      expect(read.data.opportunityHistory.opportunityId(0)).toBe(read.data.opportunities[0]?.Id);
    }
  });

  it('fails on a bad value as the file reader does, naming the object and the line over the pages', async () => {
    const bad = [...OPPORTUNITY.slice(0, 5), OPPORTUNITY[5]?.map((f) => (f === '-0.25' ? '12,5' : f)) ?? []];
    writeFiles({ ...files, Opportunity: bad });
    const fromFiles = await readDataDir(dir).catch((e: unknown) => e);
    const fromBulk = await readOrgData(bulkConnection({ ...files, Opportunity: bad }, 2), { bulk: 'always' }).catch(
      (e: unknown) => e,
    );
    expect(fromFiles).toBeInstanceOf(RecordParseError);
    expect(fromBulk).toBeInstanceOf(RecordParseError);
    // The fifth record starts on line 7 (the second spans two lines), on the third page.
    const file = join(dir, 'Opportunity.csv');
    const message = (fromFiles as RecordParseError).message;
    expect(message).toMatch(`${file}:7, Opportunity 006000000000005AAA: field Amount has "12,5"; expected a number`);
    expect((fromBulk as RecordParseError).message).toBe(message.replace(file, 'Opportunity (org, Bulk API 2.0)'));
  });

  it('reads a short row as empty fields past its end', async () => {
    const read = await readOrgData(
      bulkConnection({ Organization: [...ORGANIZATION.slice(0, 1), ORGANIZATION[1]?.slice(0, 5) ?? []] }, 10),
      { bulk: 'always' },
    );
    expect(read.data.organization.DefaultCurrencyIsoCode).toBeNull();
  });

  it('asks for a visitor again only when a page has another header', async () => {
    const headers: Array<readonly string[]> = [];
    const rows: string[] = [];
    const result = await bulkQuery(
      bulkConnection({ Opportunity: OPPORTUNITY }, 2) as never,
      'SELECT Id FROM Opportunity',
      (header) => {
        headers.push(header);
        return (row) => rows.push(`${row.line}:${row.text(0)}`);
      },
      { pollIntervalMs: 0 },
    );
    expect(headers).toEqual([OPPORTUNITY_HEADER]);
    expect(result).toMatchObject({ records: 5, pages: 3 });
    expect(rows).toEqual([2, 3, 5, 6, 7].map((line, i) => `${line}:${OPPORTUNITY[i + 1]?.[0]}`));
  });
});
