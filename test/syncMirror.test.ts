/**
 * `syncMirror` against the local org over HTTP: after seeded creates, updates, deletes and undeletes (and a sync
 * stopped mid-way by an expired session), the mirror equals a fresh full export, file by file after sorting its
 * lines; an interrupted sync leaves the previous mirror as it was and the next run reuses what it finished.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, start, type LocalOrg } from '@salesops/local-org';
import { NotAMirrorError, readDataDir, SessionExpiredError, syncMirror, type SyncOptions } from '@salesops/org';
import { randomChanges } from '../scripts/orgChanges.js';
import { mirrorRecords } from './mirrorRecords.js';

let org: LocalOrg;
let work: string;
// Every audit stamp one second after the previous one, from the day after the sample's as-of date on: the sample's
// last records are stamped up to the end of 2026-11-16 in the org's time zone (America/Los_Angeles), 08:00 UTC on the
// 17th, and a sync's changes come after them.
let clock = Date.parse('2026-11-17T12:00:00.000Z');

const connect = (): Connection =>
  new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });
const options = (dir: string, extra: Partial<SyncOptions> = {}): SyncOptions => ({
  dir,
  organizationId: org.organizationId,
  instanceUrl: org.url,
  apiVersion: '64.0',
  safetyWindowSeconds: 5,
  bulkPollIntervalMs: 10,
  retry: { sleep: async () => undefined },
  ...extra,
});

/** The folder of the last fresh export. */
let freshDir = '';

/** A fresh full export of the org as it is now. */
async function freshExport(): Promise<Record<string, string[]>> {
  freshDir = await mkdtemp(join(work, 'fresh-'));
  await syncMirror(connect(), options(freshDir));
  return mirrorRecords(freshDir);
}

/** The commands read the same records from a mirror (its delta files applied) as from a fresh export. */
async function expectSameData(mirror: string, fresh: string): Promise<void> {
  const [a, b] = await Promise.all([readDataDir(mirror), readDataDir(fresh)]);
  const byId = <T extends { Id: string }>(records: readonly T[]): T[] =>
    [...records].sort((x, y) => (x.Id < y.Id ? -1 : 1));
  expect(byId(a.opportunities)).toEqual(byId(b.opportunities));
  expect(byId(a.accounts)).toEqual(byId(b.accounts));
  const history = (data: typeof a): string[] =>
    data.opportunityHistory
      .rows()
      .map((r) => JSON.stringify(r))
      .sort();
  expect(history(a)).toEqual(history(b));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sync-mirror-'));
  org = await start({ sample: { size: 600, seed: 11 }, now: () => new Date((clock += 1000)) });
}, 120_000);

afterAll(async () => {
  await org?.stop();
  await rm(work, { recursive: true, force: true });
});

describe('syncMirror', () => {
  it('keeps the mirror equal to a fresh full export through random changes and an interrupted sync', async () => {
    const mirror = join(work, 'mirror');
    const random = createRandom(2026);
    const deleted: string[] = [];
    clock += 60_000; // past the load's stamps and the safety window
    const first = await syncMirror(connect(), options(mirror));
    expect(first.objects.every((o) => o.mode === 'export')).toBe(true);
    expect(await mirrorRecords(mirror)).toEqual(await freshExport());
    const opportunities = first.objects.find((o) => o.sobject === 'Opportunity');
    expect(opportunities?.records).toBe(600);

    // Deltas up to half the base: the first rounds write delta files, a later one compacts them.
    const layouts: string[] = [];
    for (let round = 0; round < 4; round++) {
      await randomChanges(connect(), random, { create: 25, update: 40, delete: 15, undelete: 6, accounts: 5 }, deleted);
      const result = await syncMirror(connect(), options(mirror, { compactShare: 0.5 }));
      const deals = result.objects.find((o) => o.sobject === 'Opportunity');
      // Changed records and those within the safety window are read again, never the whole org.
      expect(deals?.mode).toBe('incremental');
      expect(deals?.read).toBeLessThan(200);
      expect(deals?.deleted).toBeGreaterThan(0);
      expect(result.objects.find((o) => o.sobject === 'Period')?.mode).toBe('unchanged');
      const fresh = await freshExport();
      expect(await mirrorRecords(mirror)).toEqual(fresh);
      // The records counted without reading the base files are those the fresh export holds.
      for (const o of result.objects)
        expect([o.sobject, o.records]).toEqual([o.sobject, fresh[`${o.sobject}.csv`]!.length - 1]);
      layouts.push(existsSync(join(mirror, 'Opportunity.changes.csv')) ? 'delta' : 'base');
      await expectSameData(mirror, freshDir);
    }
    expect(layouts).toContain('delta');
    expect(layouts).toContain('base');

    // A sync stopped by an expired session mid-way leaves the previous mirror as it was.
    await randomChanges(connect(), random, { create: 10, update: 30, delete: 10, undelete: 5, accounts: 3 }, deleted);
    const before = await mirrorRecords(mirror);
    org.setFaults({ sessionExpiresAfter: 30 });
    await expect(syncMirror(connect(), options(mirror))).rejects.toBeInstanceOf(SessionExpiredError);
    expect(org.faultLog.some((f) => f.kind === 'sessionExpired')).toBe(true);
    expect(await mirrorRecords(mirror)).toEqual(before);
    org.setFaults(undefined);
    org.renewSessions();
    const resumed = await syncMirror(connect(), options(mirror));
    expect(resumed.objects.some((o) => o.mode === 'resumed')).toBe(true);
    expect(await mirrorRecords(mirror)).toEqual(await freshExport());

    // The commands read the mirror: the deals are those the org has.
    const data = await readDataDir(mirror);
    const live = await connect().query('SELECT COUNT() FROM Opportunity');
    expect(data.opportunities.length).toBe(live.totalSize);
    const manifest = JSON.parse(await readFile(join(mirror, 'salesops-sync.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ organizationId: org.organizationId, instanceUrl: org.url, apiVersion: '64.0' });
    expect(JSON.stringify(manifest)).not.toContain(org.tokens.admin);
  }, 300_000);

  it('reads an append-only object without SystemModstamp by CreatedDate, its deletions from the recycle bin', async () => {
    // OpportunityHistory as field-history objects are: no SystemModstamp.
    const saved = org;
    org = await start({
      sample: { size: 200, seed: 5 },
      now: () => new Date((clock += 1000)),
      hidden: { fields: ['OpportunityHistory.SystemModstamp'] },
    });
    try {
      const mirror = join(work, 'created-date');
      clock += 60_000;
      const first = await syncMirror(connect(), options(mirror));
      expect(first.objects.find((o) => o.sobject === 'OpportunityHistory')?.mode).toBe('export');
      const manifest = JSON.parse(await readFile(join(mirror, 'salesops-sync.json'), 'utf8')) as {
        objects: Record<string, { markField: string }>;
      };
      expect(manifest.objects['OpportunityHistory']?.markField).toBe('CreatedDate');
      await randomChanges(connect(), createRandom(9), { create: 10, update: 20, delete: 8, undelete: 0 }, []);
      const second = await syncMirror(connect(), options(mirror));
      const history = second.objects.find((o) => o.sobject === 'OpportunityHistory');
      expect(history).toMatchObject({ mode: 'incremental', read: 30 });
      expect(history?.deleted).toBeGreaterThan(0);
      expect(await mirrorRecords(mirror)).toEqual(await freshExport());
    } finally {
      await org.stop();
      org = saved;
    }
  }, 120_000);

  it('refuses a folder of other files and a mirror of another org', async () => {
    const other = await mkdtemp(join(work, 'other-'));
    await writeFile(join(other, 'notes.txt'), 'mine');
    await expect(syncMirror(connect(), options(other))).rejects.toBeInstanceOf(NotAMirrorError);
    const mirror = await mkdtemp(join(work, 'mirror-'));
    await syncMirror(connect(), options(mirror));
    await expect(
      syncMirror(connect(), options(mirror, { organizationId: '00D000000000001AAA' })),
    ).rejects.toMatchObject({
      code: 'MIRROR_OF_OTHER_ORG',
    });
  }, 120_000);
});
