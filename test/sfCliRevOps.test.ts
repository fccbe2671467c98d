/**
 * `sf salesops funnel` and `sf salesops revenue retention` inside the real Salesforce CLI on the hand-built revops
 * org written as a `--data-dir` folder: the `--json` results equal the engine's on the same files and the hand-worked
 * figures of packages/core/src/testing/revopsOrg.ts, match their committed schemas, and a folder without leads,
 * campaigns or opportunity types warns naming what is not computed; a bad plan names its file, line and field.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgSnapshot,
  funnelReport,
  NO_REVOPS_RECORDS,
  orgDataObjects,
  parseRevOpsPlan,
  revenueRetention,
  type OrgData,
} from '@salesops/core';
import { readDataDir } from '@salesops/org';
import { revopsOrg } from '../packages/core/src/testing/revopsOrg.js';
import { linkPlugin, repositoryRoot, runSf as runSfIn, sfTimeout } from '../scripts/sfCli.js';
import { writeOrgDataCsv } from './writeOrgDataCsv.js';

/** Every object, the funnel's leads, campaigns and activities included (a plain read leaves them out). */
const EVERY_OBJECT = Object.keys(orgDataObjects) as Array<keyof OrgData>;

let home: string;
let dir: string;
const runSf = (args: string[]) => runSfIn(home, args);
const asOf = '2026-03-20';

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-revops-'));
  dir = await mkdtemp(join(tmpdir(), 'sf-data-revops-'));
  const data = revopsOrg();
  await writeOrgDataCsv(data, join(dir, 'full'));
  // No leads, campaigns or activities, and no opportunity types.
  await writeOrgDataCsv(
    { ...data, ...NO_REVOPS_RECORDS, opportunities: data.opportunities.map((o) => ({ ...o, Type: null })) },
    join(dir, 'bare'),
  );
  await writeFile(join(dir, 'plan.yaml'), 'grossMargin: 0.8\nsalesCost:\n  - period: FY2026\n    amount: 120000\n');
  await writeFile(join(dir, 'bad-plan.yaml'), 'grossMargin: 0.8\nsalesCost:\n  - period: FY2026\n    amount: -1\n');
  const link = await linkPlugin(home);
  expect(link.code, link.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

const args = (folder: string) => ['--data-dir', join(dir, folder), '--period', 'FY2026-Q1', '--as-of', asOf, '--json'];

async function expectMatchesSchema(command: string, result: unknown): Promise<void> {
  const schema = JSON.parse(
    await readFile(join(repositoryRoot, 'plugin/schemas', `${command}.json`), 'utf8'),
  ) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
}

describe('sf salesops funnel and revenue retention', () => {
  it(
    'funnel: the JSON equals the engine on the same files and the hand-worked figures',
    async () => {
      const { code, stdout, stderr } = await runSf([
        'salesops',
        'funnel',
        ...args('full'),
        '--plan',
        join(dir, 'plan.yaml'),
      ]);
      expect(code, stderr).toBe(0);
      const { result } = JSON.parse(stdout) as { result: ReturnType<typeof funnelReport> };
      const snapshot = createOrgSnapshot(await readDataDir(join(dir, 'full'), { objects: EVERY_OBJECT }));
      const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
      const plan = parseRevOpsPlan({ grossMargin: 0.8, salesCost: [{ period: 'FY2026', amount: 120000 }] });
      expect(result).toMatchObject(JSON.parse(JSON.stringify(funnelReport(snapshot, { period, asOf, plan }))));
      expect(result.funnel?.totals).toMatchObject({
        leads: 9,
        converted: 6,
        cohortConverted: 5,
        won: 2,
        wonAmount: 20000,
      });
      expect(result.speedToLead?.totals.medianHours).toBe(3.5);
      expect(result.cac?.cac).toBeCloseTo(5000 + (120000 * 90) / 365, 6);
      await expectMatchesSchema('salesops-funnel', result);
    },
    sfTimeout(1),
  );

  it(
    'revenue retention: the JSON equals the engine, and --dry-run names the records it would write',
    async () => {
      const run = await runSf([
        'salesops',
        'revenue',
        'retention',
        ...args('full'),
        '--plan',
        join(dir, 'plan.yaml'),
        '--dry-run',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const { result } = JSON.parse(run.stdout) as {
        result: ReturnType<typeof revenueRetention> & { written: { objects: Record<string, number> } };
      };
      const snapshot = createOrgSnapshot(await readDataDir(join(dir, 'full'), { objects: EVERY_OBJECT }));
      const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
      const expected = revenueRetention(snapshot, { period, asOf, segmentField: 'industry', grossMargin: 0.8 });
      expect(result).toMatchObject(JSON.parse(JSON.stringify(expected)));
      expect(result.totals.grr).toBeCloseTo(32000 / 68250, 12);
      expect(result.totals.nrr).toBeCloseTo(45000 / 68250, 12);
      // The org row and one per industry.
      expect(result.written.objects).toEqual({ SalesOps_Retention__c: 3 });
      await expectMatchesSchema('salesops-revenue-retention', result);
    },
    sfTimeout(1),
  );

  it(
    'a folder without leads, campaigns or opportunity types warns naming what is not computed, never zeros',
    async () => {
      const funnel = await runSf(['salesops', 'funnel', ...args('bare')]);
      expect(funnel.code, funnel.stderr).toBe(0);
      const f = JSON.parse(funnel.stdout) as {
        result: { funnel: unknown; cac: unknown };
        warnings: Array<{ code: string; affects: string[] }>;
      };
      expect([f.result.funnel, f.result.cac]).toEqual([null, null]);
      expect(f.warnings.map((w) => w.code)).toEqual(
        expect.arrayContaining(['NO_LEADS', 'NO_CAMPAIGNS', 'NO_SALES_COST']),
      );
      expect(f.warnings.find((w) => w.code === 'NO_LEADS')?.affects).toContain('leadToOpp');
      const retention = await runSf(['salesops', 'revenue', 'retention', ...args('bare')]);
      expect(retention.code, retention.stderr).toBe(0);
      const r = JSON.parse(retention.stdout) as {
        result: { totals: { grr: unknown; nrr: unknown } };
        warnings: Array<{ code: string }>;
      };
      expect([r.result.totals.grr, r.result.totals.nrr]).toEqual([null, null]);
      expect(r.warnings.map((w) => w.code)).toEqual(
        expect.arrayContaining(['NO_OPPORTUNITY_TYPES', 'NO_GROSS_MARGIN']),
      );
    },
    sfTimeout(2),
  );

  it(
    'a bad plan exits 1 naming the file, line and field',
    async () => {
      const { code, stderr } = await runSf([
        'salesops',
        'funnel',
        ...args('full').slice(0, -1),
        '--plan',
        join(dir, 'bad-plan.yaml'),
      ]);
      expect(code).toBe(1);
      expect(stderr).toContain('bad-plan.yaml is not a valid revenue-operations plan');
      expect(stderr).toContain('line 4, salesCost[0].amount: a cost is 0 or more');
    },
    sfTimeout(1),
  );
});
