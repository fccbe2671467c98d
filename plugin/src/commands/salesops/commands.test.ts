/**
 * The commands run in-process on a generated sample org (`--data-dir`), through oclif's parser and SfCommand's
 * JSON envelope: results equal the engine's on the same data, formats render, and bad input is named.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareReps, computePerformance, createOrgSnapshot, pipelineHygiene, territoryCoverage } from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import CompPayout, { type SalesopsCompPayoutResult } from './comp/payout.js';
import PipelineHygiene, { type SalesopsPipelineHygieneResult } from './pipeline/hygiene.js';
import RepsCompare, { type SalesopsRepsCompareResult } from './reps/compare.js';
import TerritoryCoverage, { type SalesopsTerritoryCoverageResult } from './territory/coverage.js';

const pluginRoot = join(import.meta.dirname, '../../..');
const plans = join(pluginRoot, '../packages/core/comp-plans');
let dir: string;
let config: Config;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugin-commands-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  config = await Config.load(pluginRoot);
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs a command and captures what it writes to stdout and stderr. */
async function run<T>(
  command: unknown,
  argv: string[],
): Promise<{ result: T | undefined; stdout: string; stderr: string; error?: Error & { exitCode?: number } }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const runCommand = (command as { run(argv: string[], config: Config): Promise<T> }).run.bind(command);
    return { result: await runCommand(argv, config), stdout, stderr };
  } catch (error) {
    return { result: undefined, stdout, stderr, error: error as Error & { exitCode?: number } };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const common = () => ['--data-dir', dir, '--as-of', SAMPLE_ANCHOR_DATE];

/** Checks a `--json` result against the committed schema of its command (plugin/schemas/). */
async function expectMatchesSchema(command: string, result: unknown): Promise<void> {
  const schema = JSON.parse(await readFile(join(pluginRoot, 'schemas', `${command}.json`), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  expect(validate(JSON.parse(JSON.stringify(result))), JSON.stringify(validate.errors)).toBe(true);
}

describe('sf salesops reps compare', () => {
  it('returns the engine comparison as JSON', async () => {
    const { result, stdout } = await run<SalesopsRepsCompareResult>(RepsCompare, [...common(), '--json']);
    const snapshot = createOrgSnapshot(await readDataDir(dir));
    const period = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
    const report = computePerformance(snapshot, { period, asOf: SAMPLE_ANCHOR_DATE });
    const expected = compareReps(snapshot, report, { period, asOf: SAMPLE_ANCHOR_DATE });
    expect(result?.period.label).toBe('FY2027-Q4');
    expect(result?.reps).toHaveLength(expected.length);
    for (const row of result?.reps ?? []) {
      const e = expected.find((x) => x.repId === row.repId);
      expect(row.closedWon).toBe(e?.performance.closedWon);
      expect(row.attainment).toBe(e?.performance.attainment);
      expect(row.rank).toBe(e?.metrics.attainment.rank);
      expect([row.won, row.lost, row.pipelineCreated]).toEqual([
        e?.performance.won,
        e?.performance.lost,
        e?.performance.pipelineCreated,
      ]);
    }
    expect(result?.sortedBy).toBe('attainment');
    // Sorted by attainment, best first; reps without attainment last.
    const attainments = (result?.reps ?? []).map((r) => r.attainment).filter((a) => a !== null);
    expect(attainments).toEqual([...attainments].sort((a, b) => b - a));
    expect(JSON.parse(stdout)).toMatchObject({ status: 0, result: { asOf: SAMPLE_ANCHOR_DATE } });
    await expectMatchesSchema('salesops-reps-compare', result);
  });

  it('prints a table with a totals row and a summary on stderr, and writes CSV to a file', async () => {
    const file = join(dir, 'compare.csv');
    const { stdout, stderr } = await run<SalesopsRepsCompareResult>(RepsCompare, [...common(), '--output-file', file]);
    expect(stderr).toMatch(
      /Read 5000 opportunities, \d+ history rows and 46 users from .* in \d+\.\d s \(\d+ records\)\. Rep comparison/,
    );
    expect(stdout).toMatch(/Attainment/);
    expect(stdout).toMatch(/Total/);
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\n')[0]).toBe(
      'name,peerGroup,quota,closedWon,attainment,pace,winRate,winRateShrunk,avgDealSize,medianCycleDays,openPipeline,coverage,requiredCoverage,rank,percentile,flags',
    );
  });

  it('--sort ranks by the named metric within each peer group and shows its column', async () => {
    const { result } = await run<SalesopsRepsCompareResult>(RepsCompare, [...common(), '--sort', 'winRate', '--json']);
    const reps = result?.reps ?? [];
    expect(result?.sortedBy).toBe('winRate');
    const rates = reps.map((r) => r.winRate).filter((w) => w !== null);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    // Rank 1 = best win rate in the peer group, ties share the lowest rank: 1 + peers with a strictly higher rate.
    for (const row of reps) {
      if (row.winRate === null || row.peerGroup === null || row.quota === null) continue;
      const peers = reps.filter((r) => r.peerGroup === row.peerGroup && r.quota !== null && r.winRate !== null);
      expect(row.rank, row.name).toBe(1 + peers.filter((p) => (p.winRate as number) > (row.winRate as number)).length);
    }
    const csv = await run<SalesopsRepsCompareResult>(RepsCompare, [
      ...common(),
      '--result-format',
      'csv',
      '--sort',
      'pipelineCreated',
    ]);
    expect(csv.stdout.split('\n')[0]).toMatch(/,requiredCoverage,pipelineCreated,rank,percentile,flags$/);
    const md = await run<SalesopsRepsCompareResult>(RepsCompare, [
      ...common(),
      '--sort',
      'slipped',
      '--result-format',
      'markdown',
    ]);
    expect(md.stdout).toMatch(/\| Slipped \| Rank \(Slipped\) \| Percentile \|/);
  });

  it('renders Markdown and CSV on stdout', async () => {
    const md = await run<SalesopsRepsCompareResult>(RepsCompare, [...common(), '--result-format', 'markdown']);
    expect(md.stdout).toMatch(/^\| Rep \| Peer group \| Quota \|/m);
    const csv = await run<SalesopsRepsCompareResult>(RepsCompare, [
      ...common(),
      '--result-format',
      'csv',
      '--sort',
      'medianCycleDays',
    ]);
    const lines = csv.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(40);
    expect(csv.stderr).not.toBe('');
  });

  it('shows what --dry-run would write, and asks for an org to --write into', async () => {
    const { result, stderr } = await run<SalesopsRepsCompareResult>(RepsCompare, [...common(), '--dry-run', '--json']);
    expect(result?.written).toMatchObject({
      dryRun: true,
      upserted: 0,
      failed: 0,
      objects: { SalesOps_Rep_Scorecard__c: result?.reps.length },
    });
    const text = await run<SalesopsRepsCompareResult>(RepsCompare, [...common(), '--dry-run']);
    expect(text.stderr).toMatch(
      /Dry run: would upsert \d+ SalesOps_Rep_Scorecard__c records \(keys like scorecard\|FY2027-Q4\|005/,
    );
    expect(stderr).toBe('');
    const { error } = await run<SalesopsRepsCompareResult>(RepsCompare, [...common(), '--write']);
    expect(error?.message).toBe('--write needs --target-org: the org to upsert the results into.');
  });

  it('names a bad period and lists the accepted forms', async () => {
    const { error } = await run<SalesopsRepsCompareResult>(RepsCompare, [...common(), '--period', 'Q5-2026']);
    expect(error?.message).toMatch(/Q5-2026/);
    expect(error?.message).toMatch(/FY2026-Q4/);
    expect(error?.exitCode).toBe(1);
  });

  it('names a bad as-of date', async () => {
    const { error } = await run<SalesopsRepsCompareResult>(RepsCompare, ['--data-dir', dir, '--as-of', '2026-13-01']);
    expect(error?.message).toBe('"2026-13-01" is not a date; use YYYY-MM-DD, e.g. 2026-11-16.');
  });

  it('asks for a source when there is none', async () => {
    const { error } = await run<SalesopsRepsCompareResult>(RepsCompare, ['--as-of', SAMPLE_ANCHOR_DATE]);
    expect(error?.message).toBe('Give either --target-org or --data-dir.');
  });

  it('names the file, line and field of a malformed CSV value', async () => {
    const bad = join(dir, 'bad');
    await rm(bad, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(bad);
    for (const f of ['Organization', 'User'])
      await writeFile(join(bad, `${f}.csv`), await readFile(join(dir, `${f}.csv`)));
    await writeFile(
      join(bad, 'Opportunity.csv'),
      'Id,OwnerId,StageName,CloseDate,CreatedDate,IsClosed,IsWon,Amount\n006000000000001AAA,005000000000001AAA,Prospecting,2026-02-30,2026-01-01T00:00:00.000Z,false,false,12\n',
    );
    const { error } = await run<SalesopsRepsCompareResult>(RepsCompare, [
      '--data-dir',
      bad,
      '--as-of',
      SAMPLE_ANCHOR_DATE,
    ]);
    expect(error?.message).toMatch(/Opportunity\.csv:2/);
    expect(error?.message).toMatch(/CloseDate has "2026-02-30"/);
  });
});

describe('sf salesops territory coverage', () => {
  it('returns the engine coverage with gaps', async () => {
    const { result, stdout } = await run<SalesopsTerritoryCoverageResult>(TerritoryCoverage, [...common()]);
    const snapshot = createOrgSnapshot(await readDataDir(dir));
    const expected = territoryCoverage(snapshot, {
      period: snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter'),
      asOf: SAMPLE_ANCHOR_DATE,
    });
    expect(result?.territories).toEqual(expected.territories);
    await expectMatchesSchema('salesops-territory-coverage', result);
    expect(result?.gaps.territoriesWithoutRep.map((t) => t.name)).toContain('LATAM');
    expect(stdout).toMatch(/Gaps: territories without an active rep: LATAM/);
  });

  it('falls back to an Account field and names a bad one', async () => {
    const { result } = await run<SalesopsTerritoryCoverageResult>(TerritoryCoverage, [
      ...common(),
      '--territory-field',
      'BillingCountry',
      '--json',
    ]);
    expect(result?.mode).toBe('account-field');
    expect(result?.territories.map((t) => t.name)).toContain('Germany');
    const { error } = await run<SalesopsTerritoryCoverageResult>(TerritoryCoverage, [
      ...common(),
      '--territory-field',
      'Region__c',
    ]);
    expect(error?.message).toMatch(
      /"Region__c" is not an Account field territories can be taken from; use one of BillingCountry/,
    );
  });
});

describe('sf salesops pipeline hygiene', () => {
  it('lists the engine flags grouped by owner, and filters by rule', async () => {
    const { result } = await run<SalesopsPipelineHygieneResult>(PipelineHygiene, [...common(), '--json']);
    const snapshot = createOrgSnapshot(await readDataDir(dir));
    const expected = pipelineHygiene(snapshot, {
      period: snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter'),
      asOf: SAMPLE_ANCHOR_DATE,
    });
    expect(result?.deals).toEqual(expected.deals);
    await expectMatchesSchema('salesops-pipeline-hygiene', result);
    const pushed = await run<SalesopsPipelineHygieneResult>(PipelineHygiene, [
      ...common(),
      '--rule',
      'PUSHED',
      '--json',
    ]);
    expect(pushed.result?.deals.length).toBeGreaterThan(0);
    expect(pushed.result?.deals.every((d) => d.flags.some((f) => f.rule === 'PUSHED'))).toBe(true);
    const table = await run<SalesopsPipelineHygieneResult>(PipelineHygiene, [...common(), '--rule', 'PUSHED']);
    expect(table.stdout).toMatch(/pushed \d+× \(/);
  });

  it('--period checks only the open deals closing in the period, and says which deals it checked', async () => {
    const all = await run<SalesopsPipelineHygieneResult>(PipelineHygiene, [...common(), '--json']);
    expect(all.result?.closingIn).toBeNull();
    const { result, stdout } = await run<SalesopsPipelineHygieneResult>(PipelineHygiene, [
      ...common(),
      '--period',
      'current',
    ]);
    expect(result?.closingIn).toEqual({ label: 'FY2027-Q4', start: '2026-11-01', end: '2027-01-31' });
    expect(result?.deals.length).toBeGreaterThan(0);
    for (const deal of result?.deals ?? [])
      expect(deal.closeDate >= '2026-11-01' && deal.closeDate <= '2027-01-31').toBe(true);
    // Every flagged deal of the period is among all open deals' flags, with the same flags; the others close outside.
    const allDeals = new Map((all.result?.deals ?? []).map((d) => [d.opportunityId, d]));
    for (const deal of result?.deals ?? []) expect(allDeals.get(deal.opportunityId)?.flags).toEqual(deal.flags);
    const inPeriod = (all.result?.deals ?? []).filter(
      (d) => d.closeDate >= '2026-11-01' && d.closeDate <= '2027-01-31',
    );
    expect(result?.deals.length).toBe(inPeriod.length);
    expect(result?.checked).toBeLessThan(all.result?.checked ?? 0);
    expect(stdout).toContain(
      `Checked the ${result?.checked} open deals closing in FY2027-Q4 (2026-11-01..2027-01-31).`,
    );
    await expectMatchesSchema('salesops-pipeline-hygiene', result);
  });
});

describe('sf salesops comp payout', () => {
  it('pays out the example 75/25 plan', async () => {
    const { result } = await run<SalesopsCompPayoutResult>(CompPayout, [
      ...common(),
      '--plan',
      join(plans, 'ae-75-25.yaml'),
      '--json',
    ]);
    expect(result?.plan).toBe('AE 75/25 with accelerators');
    await expectMatchesSchema('salesops-comp-payout', result);
    expect(result?.period.label).toBe('FY2027-Q4'); // the plan's own period
    expect(result?.payouts.length).toBeGreaterThan(30);
    expect(result?.totalPayout).toBeCloseTo(
      (result?.payouts ?? []).reduce((s, p) => s + (p.payout ?? 0), 0),
      6,
    );
  });

  it('names the bad fields of an invalid plan', async () => {
    const file = join(dir, 'bad-plan.yaml');
    await writeFile(
      file,
      'name: x\ntargetIncentive: 100\ncomponents:\n  - { name: I, measure: individual, weight: 0.5 }\ntiers:\n  - { from: 0, rate: 1 }\n',
    );
    const { error } = await run<SalesopsCompPayoutResult>(CompPayout, [...common(), '--plan', file]);
    expect(error?.message).toMatch(
      /bad-plan\.yaml is not a valid compensation plan:\n {2}components: component weights add up to 0.5/,
    );
  });
});
