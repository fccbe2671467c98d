/**
 * Data completeness through the real `sf` (metrics.md "Data completeness"): a folder without OpportunityHistory.csv
 * makes every command warn, naming the figures affected, identically on stderr, in the `--json` envelope and in the
 * report; a folder without Opportunity.csv is an error (exit 1), not a $0 forecast; a rep logged in to the local org
 * is told that the figures cover only what the login sees, by every command and by `org check`.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE, start, type LocalOrg } from '@salesops/local-org';
import { linkPlugin, repositoryRoot, runSf as runSfIn, sfLoginArgs } from '../scripts/sfCli.js';

interface Warning {
  name: string;
  code: string;
  message: string;
  affects: string[];
}

let home: string;
let dir: string;
let noHistory: string;
let noDeals: string;
let org: LocalOrg;
const runSf = (args: string[], env: Record<string, string> = {}) => runSfIn(home, args, env);
const plan = join(repositoryRoot, 'packages/core/comp-plans/ae-75-25.json');

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-completeness-'));
  dir = await mkdtemp(join(tmpdir(), 'sf-data-completeness-'));
  await generateSampleOrg({ outDir: join(dir, 'full'), size: 'toy', seed: 42 });
  noHistory = join(dir, 'no-history');
  noDeals = join(dir, 'no-deals');
  await cp(join(dir, 'full'), noHistory, { recursive: true, filter: (src) => !src.endsWith('OpportunityHistory.csv') });
  await cp(join(dir, 'full'), noDeals, { recursive: true, filter: (src) => !src.endsWith('Opportunity.csv') });
  await rm(join(noHistory, 'tree'), { recursive: true, force: true });
  await rm(join(noDeals, 'tree'), { recursive: true, force: true });
  org = await start({ dataDir: join(dir, 'full') });
  const link = await linkPlugin(home);
  expect(link.code, link.stderr).toBe(0);
}, 300_000);
afterAll(async () => {
  await org?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

/** Every reading command, with what it needs besides the data source. */
const COMMANDS: ReadonlyArray<readonly string[]> = [
  ['forecast'],
  ['forecast', 'accuracy'],
  ['reps', 'compare'],
  ['territory', 'coverage'],
  ['pipeline', 'hygiene'],
  ['comp', 'payout', '--plan', plan],
];

describe('a data folder without OpportunityHistory.csv', () => {
  it('makes every command warn, naming the figures affected, in --json and on stderr alike', async () => {
    for (const command of COMMANDS) {
      const args = ['salesops', ...command, '--data-dir', noHistory, '--as-of', SAMPLE_ANCHOR_DATE];
      const json = await runSf([...args, '--json']);
      expect(json.code, command.join(' ') + json.stdout + json.stderr).toBe(0);
      const warnings = (JSON.parse(json.stdout) as { warnings: Warning[] }).warnings;
      const missing = warnings.find((w) => w.code === 'NO_OPPORTUNITY_HISTORY');
      expect(missing, command.join(' ')).toBeDefined();
      expect(missing?.affects).toEqual(
        expect.arrayContaining(['as-of replay before today', 'backtests', 'stageHistory', 'monteCarlo', 'STALE_STAGE']),
      );
      expect(missing?.message).toMatch(/^No OpportunityHistory rows: .*backtests, stageHistory, monteCarlo/);
      const plain = await runSf([...args, '--result-format', 'csv']);
      expect(plain.code).toBe(0);
      // sf prints "Warning: <message>" on stderr, the same words as in the JSON.
      expect(plain.stderr.replace(/\s+/g, ' ')).toContain(missing?.message.replace(/\s+/g, ' '));
    }
  }, 600_000);

  it("names the gap in the report too, in the report's language", async () => {
    const out = join(dir, 'report');
    const run = await runSf([
      'salesops',
      'report',
      '--data-dir',
      noHistory,
      '--as-of',
      SAMPLE_ANCHOR_DATE,
      '--output-dir',
      out,
      '--language',
      'de',
      '--json',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const warning = (JSON.parse(run.stdout) as { warnings: Warning[] }).warnings.find(
      (w) => w.code === 'NO_OPPORTUNITY_HISTORY',
    );
    expect(warning).toBeDefined();
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    expect(markdown).toMatch(/## Datenvollständigkeit/);
    // The code as the command gives it, in Markdown's escapes; the words in German; the figures it costs.
    expect(markdown).toContain('- NO\\_OPPORTUNITY\\_HISTORY: Keine Opportunity-Historie');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section id="warnings">');
    expect(html).toContain('<li>NO_OPPORTUNITY_HISTORY: Keine Opportunity-Historie');
    expect(html).toContain(`Betrifft: ${warning?.affects.join(', ') ?? ''}.`);
  }, 300_000);

  it('the complete folder has no such warning', async () => {
    const run = await runSf([
      'salesops',
      'forecast',
      '--data-dir',
      join(dir, 'full'),
      '--as-of',
      SAMPLE_ANCHOR_DATE,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { warnings: Warning[] }).warnings).toEqual([]);
  }, 300_000);
});

describe('a data folder without Opportunity.csv', () => {
  it('is an error naming the file, exit 1, not an empty result', async () => {
    for (const command of [['forecast'], ['reps', 'compare']]) {
      const run = await runSf(['salesops', ...command, '--data-dir', noDeals, '--as-of', SAMPLE_ANCHOR_DATE]);
      expect(run.code, command.join(' ')).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/Opportunity\.csv is missing: the command needs the Opportunity records/);
      const json = await runSf(['salesops', ...command, '--data-dir', noDeals, '--json']);
      expect(JSON.parse(json.stdout)).toMatchObject({ status: 1, name: 'MissingFileError' });
    }
  }, 300_000);
});

describe('a rep logged in to the local org', () => {
  it('is told in every command and in org check that the figures cover only what the login sees', async () => {
    const rep = org.tokens.users.find((u) => u.rep && !u.admin);
    const admin = org.tokens.users.find((u) => u.admin);
    expect(rep).toBeDefined();
    for (const [alias, token] of [
      ['rep', rep?.token ?? ''],
      ['admin', admin?.token ?? ''],
    ] as const) {
      const login = await runSf(sfLoginArgs(org.url, alias), { SF_ACCESS_TOKEN: token });
      expect(login.code, login.stdout + login.stderr).toBe(0);
    }
    const asOf = ['--as-of', SAMPLE_ANCHOR_DATE];
    for (const command of [['forecast'], ['reps', 'compare'], ['pipeline', 'hygiene']]) {
      const run = await runSf(['salesops', ...command, '--target-org', 'rep', ...asOf, '--json']);
      expect(run.code, command.join(' ') + run.stdout + run.stderr).toBe(0);
      const warning = (JSON.parse(run.stdout) as { warnings: Warning[] }).warnings.find(
        (w) => w.code === 'PARTIAL_VISIBILITY',
      );
      expect(warning?.message, command.join(' ')).toContain(`${rep?.name} (${rep?.role}) has neither View All Data`);
      expect(warning?.message).toMatch(/only the records of 1 of \d+ users/);
    }
    const table = await runSf(['salesops', 'reps', 'compare', '--target-org', 'rep', ...asOf, '-r', 'markdown']);
    expect(table.stdout).toContain(`| Total (reps) visible to ${rep?.name} |`);
    const check = await runSf(['salesops', 'org', 'check', '--target-org', 'rep']);
    expect(check.stdout).toMatch(/Visibility/);
    expect(check.stdout).not.toMatch(/The org is ready/);
    expect(check.stdout).toMatch(/This login does not see every record/);
    // The admin (top of the role hierarchy) reads org figures: no such warning.
    const adminRun = await runSf(['salesops', 'forecast', '--target-org', 'admin', ...asOf, '--json']);
    const codes = (JSON.parse(adminRun.stdout) as { warnings: Warning[] }).warnings.map((w) => w.code);
    expect(codes).not.toContain('PARTIAL_VISIBILITY');
  }, 600_000);
});
