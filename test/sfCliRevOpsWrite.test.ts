/**
 * `--write` of `sf salesops funnel` and `sf salesops revenue retention` inside the real sf CLI against the local org
 * over HTTP (the default sample org): every record the run reports lands in SalesOps_Funnel__c / SalesOps_Retention__c
 * with the figures of the JSON, and a rerun upserts the same keys without duplicates.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE, start, type LocalOrg } from '@salesops/local-org';
import { jsonResult, linkPlugin, runSf, sfTimeout } from '../scripts/sfCli.js';

let home: string;
let dir: string;
let org: LocalOrg;
const sf = (args: string[]) => runSf(home, args);
const query = async <T>(soql: string) =>
  jsonResult<{ totalSize: number; records: T[] }>(
    await sf(['data', 'query', '--query', soql, '--target-org', 'local', '--json']),
  );
/** An sf run that reads the 5,000-deal org (with its leads, for the funnel) over the API on a busy 2-core machine. */
const DEFAULT_ORG_RUN_MS = 150_000;
const asOf = ['--as-of', SAMPLE_ANCHOR_DATE];

interface Written {
  upserted: number;
  failed: number;
  errorFile: string | null;
  objects: Record<string, number>;
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-revops-write-'));
  dir = await mkdtemp(join(tmpdir(), 'sf-org-revops-write-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  org = await start({ dataDir: dir });
  expect((await linkPlugin(home)).code).toBe(0);
  const login = await runSf(
    home,
    ['org', 'login', 'access-token', '--instance-url', org.url, '--no-prompt', '--alias', 'local', '--json'],
    { SF_ACCESS_TOKEN: org.tokens.admin },
  );
  expect(login.code, login.stdout + login.stderr).toBe(0);
}, 240_000);
afterAll(async () => {
  await org?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

describe('revenue-operations writeback to the local org', () => {
  it(
    'funnel --write upserts one record per org, rep, source, campaign and cohort row; a rerun converges',
    async () => {
      const args = ['salesops', 'funnel', '--target-org', 'local', ...asOf, '--write', '--json'];
      const runs = [];
      for (let run = 0; run < 2; run++) {
        runs.push(jsonResult<{ period: { label: string }; written: Written }>(await sf(args)));
      }
      const [first, second] = runs as [(typeof runs)[0], (typeof runs)[0]];
      const records = first.written.objects['SalesOps_Funnel__c'] ?? 0;
      expect(records).toBeGreaterThan(20);
      expect(first.written).toMatchObject({ upserted: records, failed: 0, errorFile: null });
      expect(second.written).toMatchObject({ upserted: records, failed: 0, errorFile: null });
      const stored = await query<{ Key__c: string }>('SELECT Key__c FROM SalesOps_Funnel__c');
      expect(stored.totalSize).toBe(records);
      expect(new Set(stored.records.map((r) => r.Key__c)).size).toBe(records);
      expect(stored.records.map((r) => r.Key__c)).toContain(`funnel|${first.period.label}|org`);
    },
    sfTimeout(4, DEFAULT_ORG_RUN_MS),
  );

  it(
    'revenue retention --write stores the JSON’s figures per segment and org; a rerun converges',
    async () => {
      const args = ['salesops', 'revenue', 'retention', '--target-org', 'local', ...asOf, '--write', '--json'];
      interface Result {
        period: { label: string; toDate: boolean };
        totals: { grr: number | null; nrr: number | null; baseAccounts: number };
        bySegment: Array<{ segment: string | null }>;
        written: Written;
      }
      const first = jsonResult<Result>(await sf(args));
      const second = jsonResult<Result>(await sf(args));
      const records = first.bySegment.length + 1;
      expect(first.totals.baseAccounts).toBeGreaterThan(0);
      for (const run of [first, second]) {
        expect(run.written).toMatchObject({ upserted: records, failed: 0, errorFile: null });
        expect(run.written.objects['SalesOps_Retention__c']).toBe(records);
      }
      const stored = await query<{ Key__c: string; GRR__c: number | null; NRR__c: number | null }>(
        'SELECT Key__c, GRR__c, NRR__c FROM SalesOps_Retention__c',
      );
      expect(stored.totalSize).toBe(records);
      const org = stored.records.find((r) => r.Key__c === `retention|${first.period.label}|org`);
      // Ratios are stored to 4 decimals (the object's scale).
      expect(org?.GRR__c).toBeCloseTo(first.totals.grr as number, 4);
      expect(org?.NRR__c).toBeCloseTo(first.totals.nrr as number, 4);
      const runs = await query<{ Id: string }>('SELECT Id FROM SalesOps_Run__c');
      expect(runs.totalSize).toBe(4);
    },
    sfTimeout(4, DEFAULT_ORG_RUN_MS),
  );
});
