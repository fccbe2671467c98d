/**
 * Objects loaded on first use (`deferObjects`): an org that defers the funnel objects answers every request as one
 * that loaded everything at start, over HTTP, whether the first request reads, writes or deletes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg } from '../sample-data/generateSampleOrg.js';
import { DEFERRED_OBJECTS, start, type LocalOrg } from './localOrg.js';
import { connectTo } from './localOrgs.test.fixture.js';

const TIMEOUT = 120_000;
let dir: string;
let eager: LocalOrg;
const started: LocalOrg[] = [];

/** A local org over the folder deferring the default objects, stopped after the tests. */
async function deferredOrg(): Promise<LocalOrg> {
  const org = await start({ dataDir: dir, objectsDir: null });
  started.push(org);
  return org;
}

/** Every record of `object`, every field, in Id order. */
async function allRecords(conn: Connection, object: string): Promise<unknown[]> {
  const fields = (await conn.sobject(object).describe()).fields.map((f) => f.name);
  const soql = `SELECT ${fields.join(', ')} FROM ${object} ORDER BY Id`;
  return (await conn.query(soql, { autoFetch: true, maxFetch: 1_000_000 })).records;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'local-org-deferred-'));
  await generateSampleOrg({ outDir: dir, size: 'toy', seed: 42 });
  eager = await start({ dataDir: dir, objectsDir: null, deferObjects: [] });
}, TIMEOUT);

afterAll(async () => {
  for (const org of [eager, ...started]) await org?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('objects loaded on first use', () => {
  it(
    'describes the deferred objects before loading them and reads them as an org that loaded them at start',
    async () => {
      const org = await deferredOrg();
      expect(org.store.deferredObjects().sort()).toEqual([...DEFERRED_OBJECTS].sort());
      expect(eager.store.deferredObjects()).toEqual([]);
      const lazy = connectTo(org, org.tokens.admin);
      const full = connectTo(eager, eager.tokens.admin);
      expect((await lazy.describeGlobal()).sobjects).toEqual((await full.describeGlobal()).sobjects);
      for (const object of DEFERRED_OBJECTS) {
        expect(await lazy.sobject(object).describe(), object).toEqual(await full.sobject(object).describe());
      }
      expect(org.store.deferredObjects().length).toBe(DEFERRED_OBJECTS.length);
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
        files: Record<string, number>;
      };
      for (const object of DEFERRED_OBJECTS) {
        const records = await allRecords(lazy, object);
        expect(records.length, object).toBeGreaterThan(0);
        expect(records.length, object).toBe(manifest.files[object]);
        expect(records, object).toEqual(await allRecords(full, object));
      }
      expect(org.store.deferredObjects()).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'loads an object before the first write to it, which gets a new id and counts beside the loaded rows',
    async () => {
      const org = await deferredOrg();
      const conn = connectTo(org, org.tokens.admin);
      const created = await conn.sobject('Task').create({ Subject: 'Call', Status: 'Completed' });
      expect(created.success).toBe(true);
      const count = async (c: Connection) => (await c.query('SELECT COUNT() FROM Task')).totalSize;
      expect(await count(conn)).toBe((await count(connectTo(eager, eager.tokens.admin))) + 1);
      const again = await conn.query<{ Id: string }>(`SELECT Id FROM Task WHERE Id = '${created.id}'`);
      expect(again.records.map((r) => r.Id)).toEqual([created.id]);
    },
    TIMEOUT,
  );

  it(
    'deletes an opportunity without loading objects whose records cannot be its children',
    async () => {
      const org = await deferredOrg();
      const conn = connectTo(org, org.tokens.admin);
      const deal = (await conn.query<{ Id: string }>('SELECT Id FROM Opportunity ORDER BY Id LIMIT 1')).records[0];
      const deleted = await conn.sobject('Opportunity').destroy(deal?.Id as string);
      expect(deleted.success).toBe(true);
      expect(org.store.deferredObjects()).toEqual(expect.arrayContaining(['Lead', 'LeadHistory', 'CampaignMember']));
      const history = await conn.query(`SELECT COUNT() FROM OpportunityHistory WHERE OpportunityId = '${deal?.Id}'`);
      expect(history.totalSize).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'updates, deletes and undeletes rows it keeps as columns as an org that loaded them at start (stamps, tombstones)',
    async () => {
      const now = () => new Date('2026-11-16T12:00:00.000Z');
      const lazy = await start({ dataDir: dir, objectsDir: null, now });
      const full = await start({ dataDir: dir, objectsDir: null, deferObjects: [], now });
      started.push(lazy, full);
      const changed = async (org: LocalOrg): Promise<unknown[]> => {
        const conn = connectTo(org, org.tokens.admin);
        const member = (await conn.query<{ LeadId: string }>('SELECT LeadId FROM CampaignMember ORDER BY Id LIMIT 1'))
          .records[0];
        const lead = member?.LeadId as string;
        expect((await conn.sobject('Lead').update({ Id: lead, Country: 'Iceland' })).success).toBe(true);
        expect((await conn.sobject('Lead').destroy(lead)).success).toBe(true);
        const seen: unknown[] = [];
        const since = `SystemModstamp >= 2026-11-16T12:00:00Z`;
        for (const object of ['Lead', 'LeadHistory', 'CampaignMember', 'Task']) {
          const soql = `SELECT Id, IsDeleted, SystemModstamp FROM ${object} WHERE ${since} ORDER BY Id`;
          const all = await conn.request<{ records: unknown[] }>(
            `/services/data/v62.0/queryAll?q=${encodeURIComponent(soql)}`,
          );
          seen.push(object, all.records, (await conn.query(soql)).totalSize);
        }
        for (const path of ['query', 'queryAll']) {
          const url = `/services/data/v62.0/${path}?q=${encodeURIComponent('SELECT COUNT() FROM LeadHistory')}`;
          seen.push(path, (await conn.request<{ totalSize: number }>(url)).totalSize); // tombstones counted by queryAll
        }
        await conn.soap.undelete([lead]);
        const back = await conn.query(`SELECT Id, Country, IsDeleted FROM Lead WHERE Id = '${lead}'`);
        seen.push(
          back.records,
          (await conn.query(`SELECT COUNT() FROM CampaignMember WHERE LeadId = '${lead}'`)).totalSize,
        );
        return seen;
      };
      const lazySeen = await changed(lazy);
      expect(lazySeen[1]).toHaveLength(1);
      expect((lazySeen[4] as unknown[]).length).toBeGreaterThan(0); // the lead's history rows went with it
      expect(lazySeen).toEqual(await changed(full));
    },
    TIMEOUT,
  );
});
