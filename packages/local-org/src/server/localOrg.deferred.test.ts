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
});
