/**
 * The data path over HTTP against the local org: the REST reader delivers exactly what the `--data-dir` reader
 * delivers from the same files; result records upsert by key so that a rerun updates and never duplicates; a record
 * the org rejects is reported and saved, the rest land.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePerformance, compareReps, createOrgSnapshot, scorecardRecords } from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE, start, type LocalOrg } from '@salesops/local-org';
import { readDataDir, readOrgData, upsertRecords } from '@salesops/org';

let dir: string;
let org: LocalOrg;
let connection: Connection;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'org-read-write-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  org = await start({ dataDir: dir });
  connection = new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });
}, 120_000);
afterAll(async () => {
  await org?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('reading an org over the REST API', () => {
  it('gives the same records as the files the org was loaded from', async () => {
    const { data, requests, missingObjects } = await readOrgData(connection);
    const files = await readDataDir(dir);
    expect(missingObjects).toEqual([]);
    for (const key of Object.keys(files) as Array<keyof typeof files>) {
      expect(data[key], key).toEqual(files[key]);
    }
    // 30,181 history rows come in 2,000-record pages: 16 requests; every object: a describe and at least one page.
    expect(requests).toBeGreaterThan(40);
  });
});

describe('writing results back', () => {
  it('upserts scorecards by key: a rerun updates, never duplicates', async () => {
    const snapshot = createOrgSnapshot(await readDataDir(dir));
    const period = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
    const report = computePerformance(snapshot, { period, asOf: SAMPLE_ANCHOR_DATE });
    const records = scorecardRecords(report, compareReps(snapshot, report, { period, asOf: SAMPLE_ANCHOR_DATE }), {
      runId: 'run-1',
    });
    const errorFile = join(dir, 'failed.csv');
    const first = await upsertRecords(connection, 'SalesOps_Rep_Scorecard__c', records, { errorFile });
    expect(first).toMatchObject({ upserted: records.length, created: records.length, failed: 0, errorFile: null });
    const second = await upsertRecords(
      connection,
      'SalesOps_Rep_Scorecard__c',
      records.map((r) => ({ ...r, Run_Id__c: 'run-2' })),
      { errorFile },
    );
    expect(second).toMatchObject({ upserted: records.length, created: 0, failed: 0 });
    const stored = await connection.query<{ Key__c: string; Run_Id__c: string; Closed_Won__c: number }>(
      'SELECT Key__c, Run_Id__c, Closed_Won__c FROM SalesOps_Rep_Scorecard__c',
    );
    expect(stored.totalSize).toBe(records.length);
    expect(new Set(stored.records.map((r) => r.Run_Id__c))).toEqual(new Set(['run-2']));
    const a = records[0]!;
    expect(stored.records.find((r) => r.Key__c === a.Key__c)?.Closed_Won__c).toBe(a.Closed_Won__c);
  });

  it('reports and saves a record the org rejects, and writes the others', async () => {
    const errorFile = join(dir, 'rejected.csv');
    const good = {
      Key__c: 'run|ok',
      Command__c: 'sf salesops test',
      Started__c: '2026-11-16T10:00:00.000Z',
      Records_Written__c: 1,
      Records_Failed__c: 0,
      Status__c: 'Succeeded',
    };
    const bad = { ...good, Key__c: 'run|bad', Status__c: 'x'.repeat(30) };
    const outcome = await upsertRecords(connection, 'SalesOps_Run__c', [good, bad], { errorFile });
    expect(outcome).toMatchObject({ upserted: 1, failed: 1, errorFile });
    const saved = await readFile(errorFile, 'utf8');
    expect(saved.split('\n')[1]).toMatch(/^STRING_TOO_LONG,.*Status__c.*,run\|bad,/);
  });
});
