/**
 * `sf salesops pipeline changes` inside the real Salesforce CLI, from files (`--data-dir`) and from the local org
 * (`--target-org`): the JSON equals the engine on the same files and matches the committed schema, the table ends
 * with the totals row, `--show-deals` lists every deal, and a bad `--since` is named.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHANGE_BUCKETS,
  createOrgSnapshot,
  forecastScopes,
  pipelineChanges,
  quarterToDate,
  type OrgSnapshot,
} from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE, start, type LocalOrg } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import { jsonResult, linkPlugin, repositoryRoot, runSf, loginToOrg } from '../scripts/sfCli.js';

let home: string;
let dir: string;
let org: LocalOrg;
let snapshot: OrgSnapshot;
const sf = (args: string[]) => runSf(home, args);
const SINCE = '2026-11-09';

type Bucket = Exclude<(typeof CHANGE_BUCKETS)[number], 'unchanged'>;
/** The parts of the command's result (plugin/src/commands/salesops/pipeline/changes.ts) the tests read. */
type Row = { scopeId: string; start: number; end: number } & Record<Bucket, number>;
type SalesopsPipelineChangesResult = {
  since: string;
  rows: Row[];
  totals: Row;
  quarterToDate: unknown;
  deals?: Array<{ opportunityId: string; bucket: string; change: number }>;
};

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-changes-'));
  dir = await mkdtemp(join(tmpdir(), 'sf-changes-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  snapshot = createOrgSnapshot(await readDataDir(dir));
  org = await start({ dataDir: dir });
  expect((await linkPlugin(home)).code).toBe(0);
  const login = await loginToOrg(home, org.url, 'local', org.tokens.admin);
  expect(login.code, login.stdout + login.stderr).toBe(0);
}, 240_000);
afterAll(async () => {
  await org?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

/** The engine's waterfall on the same files. */
function expected(groupBy: 'org' | 'rep' | 'team' | 'territory') {
  const period = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
  return pipelineChanges(snapshot, {
    period,
    since: SINCE,
    asOf: SAMPLE_ANCHOR_DATE,
    scopes: forecastScopes(snapshot, [groupBy]),
  });
}

async function expectSchema(result: unknown): Promise<void> {
  const path = join(repositoryRoot, 'plugin/schemas/salesops-pipeline-changes.json');
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(await readFile(path, 'utf8')) as object);
  expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
}

const cents = (v: number) => Math.round(v * 100);

describe('sf salesops pipeline changes', () => {
  it('from files: the JSON equals the engine, adds up and matches its schema', async () => {
    const result = jsonResult<SalesopsPipelineChangesResult>(
      await sf(['salesops', 'pipeline', 'changes', '--data-dir', dir, '--as-of', SAMPLE_ANCHOR_DATE, '--json']),
    );
    const engine = expected('org');
    expect(result.since).toBe(SINCE); // 7 days before --as-of by default
    expect([result.totals.start, result.totals.end]).toEqual([engine.org.start, engine.org.end]);
    for (const b of CHANGE_BUCKETS) if (b !== 'unchanged') expect(result.totals[b]).toBe(engine.org.amounts[b]);
    const t = result.totals;
    const sum = [t.created, t.pulledIn, t.pushedIn, t.reopened, t.increased, t.decreased, t.pushedOut]
      .concat([t.pulledOutEarlier, t.won, t.lost])
      .reduce((s, v) => s + cents(v), 0);
    expect(cents(t.start) + sum).toBe(cents(t.end));
    expect(result.quarterToDate).toEqual(quarterToDate(snapshot, SAMPLE_ANCHOR_DATE));
    expect(result.deals).toBeUndefined();
    await expectSchema(result);
  }, 120_000);

  it('from files, per rep with --show-deals: rows, deals and the table with its totals row', async () => {
    const args = ['salesops', 'pipeline', 'changes', '--data-dir', dir, '--as-of', SAMPLE_ANCHOR_DATE];
    const result = jsonResult<SalesopsPipelineChangesResult>(
      await sf([...args, '--group-by', 'rep', '--show-deals', '--json']),
    );
    const engine = expected('rep');
    expect(result.rows.map((r) => [r.scopeId, r.start, r.end])).toEqual(
      engine.scopes.map((s) => [s.scope.id, s.start, s.end]),
    );
    expect(result.deals?.map((d) => [d.opportunityId, d.bucket, d.change])).toEqual(
      engine.deals.map((d) => [d.opportunityId, d.bucket, d.change]),
    );
    await expectSchema(result);
    const table = await sf([...args, '--group-by', 'rep', '--show-deals']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Total (org)');
    expect(table.stdout).toContain('Quarter to date');
    const csv = await sf([...args, '--show-deals', '--result-format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('bucket,name,ownerName,change,before,after,history');
    expect(lines.length - 1).toBe(engine.deals.filter((d) => d.bucket !== 'unchanged').length);
  }, 180_000);

  it('from the local org: the same waterfall as from the files', async () => {
    const result = jsonResult<SalesopsPipelineChangesResult>(
      await sf([
        'salesops',
        'pipeline',
        'changes',
        '--target-org',
        'local',
        '--as-of',
        SAMPLE_ANCHOR_DATE,
        '--since',
        SINCE,
        '--group-by',
        'territory',
        '--json',
      ]),
    );
    const engine = expected('territory');
    expect(result.totals.start).toBe(engine.org.start);
    expect(result.totals.end).toBe(engine.org.end);
    expect(result.rows.map((r) => [r.scopeId, r.start, r.won, r.end])).toEqual(
      engine.scopes.map((s) => [s.scope.id, s.start, s.amounts.won, s.end]),
    );
    await expectSchema(result);
  }, 180_000);

  it('has help with its glossary, and names a bad --since and one after --as-of', async () => {
    const help = await sf(['salesops', 'pipeline', 'changes', '--help']);
    expect(help.code).toBe(0);
    for (const part of ['USAGE', 'DESCRIPTION', 'EXAMPLES', '--since', '--show-deals', 'GLOSSARY', 'Pushed in']) {
      expect(help.stdout).toContain(part);
    }
    const args = ['salesops', 'pipeline', 'changes', '--data-dir', dir, '--as-of', SAMPLE_ANCHOR_DATE];
    const bad = await sf([...args, '--since', '11/09/2026']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('11/09/2026');
    const late = await sf([...args, '--since', '2026-11-20', '--json']);
    expect(late.code).toBe(1);
    expect(JSON.parse(late.stdout).message).toContain('2026-11-20');
  }, 120_000);
});
