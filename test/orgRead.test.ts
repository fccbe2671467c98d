/**
 * The org readers over HTTP against the local org: REST paging, Bulk API 2.0 with our own result paging, the
 * automatic choice between them, the date window, describe-driven degradation, aggregate push-down, request and
 * record counts, faults under a fixed seed, and sharing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareReps,
  computePerformance,
  createOrgSnapshot,
  FUNNEL_PERIODS,
  OpportunityHistoryTable,
  orgDataObjects,
  readSchemas,
  REQUIRED_COVERAGE_PERIODS,
  type OrgData,
} from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE, start, type LocalOrg } from '@salesops/local-org';
import {
  defaultReadObjects,
  FieldAccessError,
  readClosedWonTotals,
  readDataDir,
  readOrgData,
  SessionExpiredError,
} from '@salesops/org';

let dir: string;
let org: LocalOrg;
let files: OrgData;
const noWait = { sleep: () => Promise.resolve() };

function connect(target: LocalOrg, token = target.tokens.admin): Connection {
  return new Connection({ instanceUrl: target.url, accessToken: token, version: '64.0' });
}

/** Records of an object in the files. */
function rowsOf(sobject: string): number {
  const key = (Object.keys(orgDataObjects) as Array<keyof OrgData>).find((k) => orgDataObjects[k] === sobject);
  if (key === undefined) throw new Error(sobject);
  return key === 'organization' ? 1 : (files[key] as unknown[]).length;
}

/** Compares reads object by object, so a difference names the object. */
function expectSameData(actual: OrgData, expected: OrgData): void {
  for (const key of Object.keys(orgDataObjects) as Array<keyof OrgData>)
    expect(actual[key], key).toEqual(expected[key]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'org-read-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  files = await readDataDir(dir);
  org = await start({ dataDir: dir, bulkPageSize: 1_500 });
}, 120_000);
afterAll(async () => {
  await org?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('REST and Bulk API 2.0 reads', () => {
  it('reads every page over REST and reports requests and records', async () => {
    const before = org.limits.used;
    const read = await readOrgData(connect(org), { bulk: 'never' });
    expectSameData(read.data, files);
    const total = Object.values(orgDataObjects).reduce((n, sobject) => n + rowsOf(sobject), 0);
    expect(read.recordsRead).toBe(total);
    expect(read.bulkObjects).toEqual([]);
    // Every request the reader counts reached the org, and no more.
    expect(org.limits.used - before).toBe(read.requests);
    // The minimum: describeGlobal, one describe per object read by default (not the funnel's) and ceil(n / 2,000)
    // pages (at least one) per object.
    const defaults = defaultReadObjects().map((key) => orgDataObjects[key]);
    const pages = defaults.reduce((n, o) => n + Math.max(1, Math.ceil(rowsOf(o) / 2000)), 0);
    expect(files.opportunityHistory.length).toBeGreaterThan(20_000);
    expect(read.requests).toBe(1 + defaults.length + pages);
  });

  it('reads multi-page Bulk API 2.0 results to the same records as REST', async () => {
    const before = org.limits.used;
    const read = await readOrgData(connect(org), { bulk: 'always', bulkPageSize: 1_000, bulkPollIntervalMs: 1 });
    expectSameData(read.data, files);
    expect(read.bulkObjects).toContain('OpportunityHistory');
    expect(org.limits.used - before).toBe(read.requests);
    // Per object: describe, job creation, two polls (the first answers InProgress), ceil(n / 1,000) result pages.
    const pages = read.bulkObjects.reduce((n, o) => n + Math.max(1, Math.ceil(rowsOf(o) / 1000)), 0);
    expect(read.requests).toBe(1 + read.bulkObjects.length * 4 + pages);
  });

  it('chooses Bulk API 2.0 from a COUNT() at the threshold', async () => {
    const read = await readOrgData(connect(org), { bulkThreshold: files.opportunities.length, bulkPollIntervalMs: 1 });
    expect(read.bulkObjects).toEqual(
      Object.values(orgDataObjects).filter((o) => rowsOf(o) >= files.opportunities.length),
    );
    expect(read.bulkObjects).toEqual(expect.arrayContaining(['Opportunity', 'OpportunityHistory']));
    expectSameData(read.data, files);
  });
});

describe('the date window', () => {
  it('reads open deals and deals closed from the window on, their history and line items, and recent quotas', async () => {
    const snapshot = createOrgSnapshot(files);
    const quarter = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
    // Performance looks back REQUIRED_COVERAGE_PERIODS quarters for the prior win rate; the funnel as many.
    const earlier = snapshot.calendar.previousPeriods(quarter, Math.max(REQUIRED_COVERAGE_PERIODS, FUNNEL_PERIODS));
    const from = earlier.reduce((min, p) => (p.start < min ? p.start : min), quarter.start);
    const read = await readOrgData(connect(org), { window: { from }, bulk: 'never' });
    const kept = files.opportunities.filter((o) => !o.IsClosed || o.CloseDate >= from);
    expect(kept.length).toBeLessThan(files.opportunities.length);
    expect(read.data.opportunities).toEqual(kept);
    const ids = new Set(kept.map((o) => o.Id));
    expect(read.data.opportunityHistory.rows()).toEqual(
      files.opportunityHistory.rows().filter((h) => ids.has(h.OpportunityId)),
    );
    expect(read.data.opportunityLineItems).toEqual(files.opportunityLineItems.filter((l) => ids.has(l.OpportunityId)));
    expect(read.data.forecastingQuotas).toEqual(files.forecastingQuotas.filter((q) => q.StartDate >= from));
    expect(read.data.users).toEqual(files.users);
    expect(read.recordsRead).toBeLessThan((await readOrgData(connect(org), { bulk: 'never' })).recordsRead);

    // The engine's results for the window's periods are those of the full read.
    const windowed = createOrgSnapshot(read.data);
    const options = { period: quarter, asOf: SAMPLE_ANCHOR_DATE };
    const full = computePerformance(snapshot, options);
    const part = computePerformance(windowed, options);
    expect(part).toEqual(full);
    expect(compareReps(windowed, part, options)).toEqual(compareReps(snapshot, full, options));
  });

  it('refuses dates that are not YYYY-MM-DD', async () => {
    await expect(readOrgData(connect(org), { window: { from: '2026-1-1' } })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('describe-driven degradation: warn, fall back, never crash', () => {
  async function readHidden(hidden: { objects?: string[]; fields?: string[] }) {
    const limited = await start({ dataDir: dir, hidden });
    try {
      const read = await readOrgData(connect(limited), { bulk: 'never' });
      const snapshot = createOrgSnapshot(read.data);
      const period = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
      const report = computePerformance(snapshot, { period, asOf: SAMPLE_ANCHOR_DATE });
      return { read, report };
    } finally {
      await limited.stop();
    }
  }

  it('without territory management', async () => {
    const territoryObjects = [
      'Territory2Model',
      'Territory2',
      'UserTerritory2Association',
      'ObjectTerritory2Association',
    ];
    expect(files.territories.length).toBeGreaterThan(0);
    const { read, report } = await readHidden({ objects: territoryObjects, fields: ['Opportunity.Territory2Id'] });
    expect(read.missingObjects).toEqual(territoryObjects);
    expect(read.data.territories).toEqual([]);
    expect(read.data.opportunities.every((o) => o.Territory2Id === null)).toBe(true);
    expect(read.warnings).toEqual([
      { code: 'OBJECTS_ABSENT', reason: 'TERRITORY_MANAGEMENT_OFF', objects: territoryObjects, refusedWith: null },
      { code: 'FIELDS_HIDDEN', sobject: 'Opportunity', fields: ['Territory2Id'] },
    ]);
    expect(report.reps.length).toBeGreaterThan(0);
  });

  it('without access to ForecastingQuota', async () => {
    const { read, report } = await readHidden({ objects: ['ForecastingQuota'] });
    expect(read.missingObjects).toEqual(['ForecastingQuota']);
    expect(read.data.forecastingQuotas).toEqual([]);
    expect(read.warnings).toEqual([
      {
        code: 'OBJECTS_ABSENT',
        reason: 'FORECASTING_QUOTA_UNREADABLE',
        objects: ['ForecastingQuota'],
        refusedWith: null,
      },
    ]);
    expect(report.reps.every((r) => r.quota === null)).toBe(true);
  });

  it('in a single-currency org', async () => {
    const withCurrency = Object.values(orgDataObjects).filter((o) => 'CurrencyIsoCode' in readSchemas[o].shape);
    expect(withCurrency).toContain('Opportunity');
    const { read, report } = await readHidden({
      objects: ['CurrencyType', 'DatedConversionRate'],
      fields: withCurrency.map((o) => `${o}.CurrencyIsoCode`),
    });
    expect(read.data.currencyTypes).toEqual([]);
    expect(read.data.opportunities.every((o) => o.CurrencyIsoCode === null)).toBe(true);
    expect(read.warnings).toEqual([{ code: 'SINGLE_CURRENCY' }]);
    expect(report.reps.length).toBeGreaterThan(0);
  });

  it('with a field hidden by field-level security', async () => {
    expect(files.opportunities.some((o) => o.NextStep !== null)).toBe(true);
    const { read } = await readHidden({ fields: ['Opportunity.NextStep'] });
    expect(read.warnings).toEqual([{ code: 'FIELDS_HIDDEN', sobject: 'Opportunity', fields: ['NextStep'] }]);
    expect(read.data.opportunities.every((o) => o.NextStep === null)).toBe(true);
    expect(read.data.opportunities.map((o) => o.Id)).toEqual(files.opportunities.map((o) => o.Id));
  });

  it('stops with the fields when a field the engine needs is hidden', async () => {
    const limited = await start({ dataDir: dir, hidden: { fields: ['Opportunity.StageName'] } });
    try {
      const error = await readOrgData(connect(limited)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FieldAccessError);
      expect((error as FieldAccessError).fields).toEqual(['Opportunity.StageName']);
    } finally {
      await limited.stop();
    }
  });
});

describe('faults under a fixed seed: retried, no record lost or duplicated', () => {
  let faulty: LocalOrg;
  beforeAll(async () => {
    faulty = await start({ dataDir: dir, bulkPageSize: 2_500 });
  });
  afterAll(() => faulty?.stop());

  const modes = ['never', 'always'] as const;

  it.each(modes)('5xx bursts (bulk: %s)', async (bulk) => {
    faulty.setFaults({ seed: 11, serverErrorRate: 0.08, serverErrorBurst: 3 });
    const read = await readOrgData(connect(faulty), { bulk, bulkPollIntervalMs: 1, retry: noWait });
    faulty.setFaults(undefined);
    expectSameData(read.data, files);
    const clean = await readOrgData(connect(faulty), { bulk, bulkPollIntervalMs: 1 });
    // The retries are counted: more requests than the same read without faults.
    expect(read.requests).toBeGreaterThan(clean.requests);
  });

  it.each(modes)('dropped connections (bulk: %s)', async (bulk) => {
    faulty.setFaults({ seed: 5, dropRate: 0.3 });
    const read = await readOrgData(connect(faulty), { bulk, bulkPollIntervalMs: 1, retry: noWait });
    faulty.setFaults(undefined);
    expectSameData(read.data, files);
    const clean = await readOrgData(connect(faulty), { bulk, bulkPollIntervalMs: 1 });
    expect(read.requests).toBeGreaterThan(clean.requests);
  });

  it.each(modes)('API limit errors until the allowance frees up (bulk: %s)', async (bulk) => {
    faulty.limits.set(faulty.limits.used + 12);
    let waits = 0;
    const read = await readOrgData(connect(faulty), {
      bulk,
      bulkPollIntervalMs: 1,
      retry: {
        sleep: () => {
          // The allowance frees up while the reader waits (a concurrent-request limit clears in seconds).
          waits++;
          faulty.limits.set(faulty.limits.used + 12);
          return Promise.resolve();
        },
      },
    });
    faulty.limits.set(1_000_000);
    expect(waits).toBeGreaterThan(2);
    expectSameData(read.data, files);
  });

  it("gives up on an allowance that stays used up, with the org's error", async () => {
    faulty.limits.set(faulty.limits.used);
    const error = await readOrgData(connect(faulty), { retry: noWait }).catch((e: unknown) => e);
    faulty.limits.set(1_000_000);
    expect((error as { errorCode?: string }).errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
  });

  it.each(modes)('an expired session fails clearly (bulk: %s)', async (bulk) => {
    faulty.setFaults({ seed: 1, sessionExpiresAfter: 30 });
    const error = await readOrgData(connect(faulty), { bulk, bulkPollIntervalMs: 1, retry: noWait }).catch(
      (e: unknown) => e,
    );
    faulty.setFaults(undefined);
    faulty.renewSessions();
    expect(error).toBeInstanceOf(SessionExpiredError);
    // A code, not a sentence: the plugin and the widgets say it in the user's language.
    expect(error).toMatchObject({ message: 'INVALID_SESSION_ID', code: 'INVALID_SESSION_ID' });
  });
});

describe('sharing', () => {
  it("a rep token reads only the rep's deals, their history and line items", async () => {
    const rep = org.tokens.users.find((u) => u.rep && files.opportunities.some((o) => o.OwnerId === u.userId));
    expect(rep).toBeDefined();
    const read = await readOrgData(connect(org, rep!.token), { bulk: 'never' });
    const own = files.opportunities.filter((o) => o.OwnerId === rep!.userId);
    expect(own.length).toBeGreaterThan(0);
    expect(read.data.opportunities).toEqual(own);
    const ids = new Set(own.map((o) => o.Id));
    expect(read.data.opportunityHistory.rows()).toEqual(
      files.opportunityHistory.rows().filter((h) => ids.has(h.OpportunityId)),
    );
    // Bulk API 2.0 applies the same sharing.
    const bulk = await readOrgData(connect(org, rep!.token), { bulk: 'always', bulkPollIntervalMs: 1 });
    expect(bulk.data.opportunities).toEqual(own);
  });
});

describe('GROUP BY push-down', () => {
  it('gives the closed-won totals per rep the engine computes from rows, in one aggregate query', async () => {
    const toy = await start({ sample: { size: 'toy' } });
    try {
      const conn = connect(toy);
      const snapshot = createOrgSnapshot((await readOrgData(conn)).data);
      expect(snapshot.data.currencyTypes).toEqual([]);
      let groups = 0;
      for (const period of snapshot.calendar.previousPeriods(
        snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter'),
        8,
      )) {
        const report = computePerformance(snapshot, { period, asOf: SAMPLE_ANCHOR_DATE });
        const expected = report.reps
          .filter((r) => r.won > 0)
          .map((r) => ({ ownerId: r.repId, amount: r.closedWon, deals: r.won }))
          .sort((a, b) => a.ownerId.localeCompare(b.ownerId));
        groups += expected.length;
        const range = { from: period.start, to: period.end };
        const byKey = (t: { ownerId: string; amount: number; deals: number }) => ({
          ownerId: t.ownerId,
          amount: t.amount,
          deals: t.deals,
        });
        const pushed = await readClosedWonTotals(conn, range);
        expect(pushed.via).toBe('aggregate');
        expect(pushed.requests).toBe(2);
        expect(pushed.totals.map(byKey).sort((a, b) => a.ownerId.localeCompare(b.ownerId))).toEqual(expected);
        // More groups than one aggregate answer holds: summed from rows, same totals.
        const rows = await readClosedWonTotals(conn, range, { aggregateRows: 0 });
        expect(rows.via).toBe(expected.length > 0 ? 'rows' : 'aggregate');
        expect(rows.totals.map(byKey).sort((a, b) => a.ownerId.localeCompare(b.ownerId))).toEqual(expected);
      }
      expect(groups).toBeGreaterThan(3);
    } finally {
      await toy.stop();
    }
  });
});

describe('the CSV, sf data tree and org paths', () => {
  it('load the same snapshot from the same data', async () => {
    // A tree plan of the whole org as `sf data tree export --plan` writes it: one file per object, lookups as
    // @references, null fields left out.
    const treeDir = await mkdtemp(join(tmpdir(), 'org-tree-'));
    try {
      const refs = new Map<string, string>();
      const objects = (Object.keys(orgDataObjects) as Array<keyof OrgData>).map((key) => {
        const value = key === 'organization' ? [files.organization] : files[key];
        const rows = (value instanceof OpportunityHistoryTable ? value.rows() : value) as Array<
          Record<string, unknown>
        >;
        return { sobject: orgDataObjects[key], rows };
      });
      for (const { sobject, rows } of objects) {
        rows.forEach((r, i) => refs.set(String(r['Id']), `${sobject}Ref${i + 1}`));
      }
      const plan = [];
      for (const { sobject, rows } of objects) {
        if (rows.length === 0) continue;
        const records = rows.map((r) => {
          const out: Record<string, unknown> = {
            attributes: { type: sobject, referenceId: refs.get(String(r['Id'])) },
          };
          for (const [name, value] of Object.entries(r)) {
            if (value === null) continue;
            out[name] = name !== 'Id' && typeof value === 'string' && refs.has(value) ? `@${refs.get(value)}` : value;
          }
          return out;
        });
        await writeFile(join(treeDir, `${sobject}.json`), JSON.stringify({ records }));
        plan.push({ sobject, saveRefs: true, resolveRefs: true, files: [`${sobject}.json`] });
      }
      await writeFile(join(treeDir, 'salesops-plan.json'), JSON.stringify(plan));
      const fromTree = await readDataDir(treeDir);
      expect(JSON.stringify(fromTree)).toContain('"OwnerId"');
      expectSameData(fromTree, files);
      const fromOrg = await readOrgData(connect(org), { bulk: 'never' });
      expectSameData(fromOrg.data, fromTree);
      expect(createOrgSnapshot(fromTree).calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter')).toEqual(
        createOrgSnapshot(files).calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter'),
      );
    } finally {
      await rm(treeDir, { recursive: true, force: true });
    }
  });
});
