/**
 * Output for people (docs/output.md) through the real Salesforce CLI on the default sample org: every command's
 * table in a 120-column terminal has no line wider than 120 and no cut number (every amount printed is the JSON's
 * rounded to the unit); files, CSV, Markdown and JSON never carry an escape code even when colour is forced;
 * `--json --output-file` writes JSON; CSV money has at most two decimals; an unwritable --output-file is a clear
 * error; the glossary is in --help; counts take their plural form.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { linkPlugin, repositoryRoot, runSf as runSfIn, sfEnvironment, type SfRun } from '../scripts/sfCli.js';

let home: string;
let dir: string;
const plan = join(repositoryRoot, 'packages/core/comp-plans/ae-75-25.yaml');
const runSf = (args: string[], env: Record<string, string> = {}) => runSfIn(home, args, env);

/** `sf` as in a colour terminal: FORCE_COLOR set, NO_COLOR unset (stdout is still a pipe, so it can be read). */
async function runSfInColour(args: string[]): Promise<SfRun> {
  const env = sfEnvironment(home, { FORCE_COLOR: '3', COLUMNS: '120' });
  delete env['NO_COLOR'];
  try {
    const { stdout, stderr } = await promisify(execFile)(join(repositoryRoot, 'node_modules/.bin/sf'), args, {
      env,
      cwd: home,
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-output-'));
  dir = await mkdtemp(join(tmpdir(), 'sf-data-output-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
  const link = await linkPlugin(home);
  expect(link.code, link.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

/** Terminal cells of a line of the sample org's output (no wide characters in its names: one cell per code point). */
const displayWidth = (line: string) => [...line].length;
const common = () => ['--data-dir', dir, '--as-of', SAMPLE_ANCHOR_DATE];
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b/;

const COMMANDS: Array<{ name: string; args: () => string[] }> = [
  { name: 'forecast', args: () => ['salesops', 'forecast', '--group-by', 'team', ...common()] },
  { name: 'forecast accuracy', args: () => ['salesops', 'forecast', 'accuracy', '--periods', '2', ...common()] },
  { name: 'reps compare', args: () => ['salesops', 'reps', 'compare', ...common()] },
  { name: 'territory coverage', args: () => ['salesops', 'territory', 'coverage', ...common()] },
  { name: 'pipeline hygiene', args: () => ['salesops', 'pipeline', 'hygiene', ...common()] },
  { name: 'comp payout', args: () => ['salesops', 'comp', 'payout', '--plan', plan, ...common()] },
  { name: 'funnel', args: () => ['salesops', 'funnel', ...common()] },
  { name: 'revenue retention', args: () => ['salesops', 'revenue', 'retention', ...common()] },
];

/** Every number in a JSON value, rounded to the unit as the tables show money. */
function roundedNumbers(value: unknown, into = new Set<number>()): Set<number> {
  if (typeof value === 'number') into.add(Math.round(value));
  else if (Array.isArray(value)) for (const v of value) roundedNumbers(v, into);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) roundedNumbers(v, into);
  return into;
}

describe('a 120-column terminal', () => {
  it.each(COMMANDS)(
    '$name: no line wider than 120, every amount whole and equal to the JSON rounded',
    async ({ args }) => {
      const [table, json] = await Promise.all([
        runSf(args(), { COLUMNS: '120' }),
        runSf([...args(), '--json'], { COLUMNS: '120' }),
      ]);
      expect(table.code, table.stderr).toBe(0);
      expect(json.code, json.stderr).toBe(0);
      const lines = table.stdout.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(3);
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(120);
      expect(table.stdout).not.toMatch(/[\d$]…/); // no number cut with an ellipsis
      const amounts = roundedNumbers((JSON.parse(json.stdout) as { result: unknown }).result);
      const printed = lines
        .filter((line) => !line.startsWith('Total'))
        .flatMap((line) => [...line.matchAll(/(-?)\$([\d,]+)(?!\d|\.\d)/g)]) // a "." after a number ends a sentence
        .map((m) => Number(`${m[1] ?? ''}${(m[2] ?? '').replaceAll(',', '')}`));
      for (const amount of printed) expect(amounts.has(amount), `$${amount} is not in the JSON`).toBe(true);
      expect(table.stdout).not.toMatch(ESCAPE);
    },
    240_000,
  );
});

describe('files never carry colour', () => {
  it('CSV, Markdown, JSON and --output-file have no escape code when colour is forced; the table has', async () => {
    const csvFile = join(dir, 'compare.csv');
    const mdFile = join(dir, 'compare.md');
    const jsonFile = join(dir, 'fc.json');
    const compare = ['salesops', 'reps', 'compare', ...common()];
    const [table, csv, markdown, json] = await Promise.all([
      runSfInColour([...compare, '--output-file', csvFile]),
      runSfInColour([...compare, '--result-format', 'csv']),
      runSfInColour([...compare, '--result-format', 'markdown', '--output-file', mdFile]),
      runSfInColour(['salesops', 'forecast', ...common(), '--json', '--output-file', jsonFile]),
    ]);
    for (const run of [table, csv, markdown, json]) expect(run.code, run.stderr).toBe(0);
    expect(table.stdout).toMatch(ESCAPE); // colour really is on: the terminal table has it
    for (const text of [csv.stdout, markdown.stdout, json.stdout]) expect(text).not.toMatch(ESCAPE);
    for (const file of [csvFile, mdFile, jsonFile]) expect(await readFile(file, 'utf8')).not.toMatch(ESCAPE);
    expect((await readFile(csvFile, 'utf8')).split('\n')[0]).toMatch(/^name,peerGroup,quota,closedWon,/);
    expect(await readFile(mdFile, 'utf8')).toMatch(/^\| Rep \| Peer group \| Quota \|/);
    // --json with --output-file writes the JSON result, not CSV.
    const written = JSON.parse(await readFile(jsonFile, 'utf8')) as { forecasts: unknown[] };
    expect(written).toEqual((JSON.parse(json.stdout) as { result: unknown }).result);
    expect(written.forecasts.length).toBeGreaterThan(0);
  }, 240_000);

  it('CSV money has at most two decimals', async () => {
    const [forecast, compare] = await Promise.all([
      runSf(['salesops', 'forecast', ...common(), '--group-by', 'rep', '--result-format', 'csv']),
      runSf(['salesops', 'reps', 'compare', ...common(), '--result-format', 'csv']),
    ]);
    const money: Record<string, string[]> = {
      forecast: ['quota', 'closedWon', 'commit', 'bestCase', 'forecast', 'p10', 'p50', 'p90'],
      compare: ['quota', 'closedWon', 'avgDealSize', 'openPipeline'],
    };
    for (const [name, run] of [
      ['forecast', forecast],
      ['compare', compare],
    ] as const) {
      expect(run.code, run.stderr).toBe(0);
      const [header, ...rows] = run.stdout.trimEnd().split('\n');
      const keys = (header ?? '').split(',');
      const columns = (money[name] ?? []).map((key) => keys.indexOf(key));
      expect(columns.every((c) => c >= 0)).toBe(true);
      let decimals = 0;
      for (const row of rows) {
        const cells = row.split(',');
        for (const c of columns) {
          expect(cells[c], `${name} ${keys[c]}`).toMatch(/^(-?\d+(\.\d{1,2})?)?$/);
          if (cells[c]?.includes('.')) decimals++;
        }
      }
      if (name === 'forecast') expect(decimals).toBeGreaterThan(0); // amounts with cents are there, rounded
    }
  }, 240_000);
});

describe('clear messages', () => {
  it('an --output-file in a folder that does not exist names the path, the problem and the fix', async () => {
    const run = await runSf(['salesops', 'reps', 'compare', ...common(), '--output-file', '/nonexistent/x.csv']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot write /nonexistent/x.csv: the folder /nonexistent does not exist.');
    expect(run.stderr).toContain('mkdir -p /nonexistent');
    expect(run.stderr).not.toMatch(/ENOENT/);
    const json = await runSf([
      'salesops',
      'reps',
      'compare',
      ...common(),
      '--output-file',
      '/nonexistent/x.csv',
      '--json',
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 1,
      name: 'OutputFileError',
      message: 'Cannot write /nonexistent/x.csv: the folder /nonexistent does not exist.',
    });
  }, 240_000);

  it('--help explains every column in a GLOSSARY section', async () => {
    const [accuracy, compare] = await Promise.all([
      runSf(['salesops', 'forecast', 'accuracy', '--help']),
      runSf(['salesops', 'reps', 'compare', '--help']),
    ]);
    expect(accuracy.stdout).toMatch(/GLOSSARY/);
    expect(accuracy.stdout).toMatch(/WAPE — Weighted absolute percentage error/);
    expect(accuracy.stdout).toMatch(/MASE — Mean absolute scaled error/);
    expect(compare.stdout).toMatch(/Pace — Attainment \/ share of the period elapsed/);
    expect(compare.stdout).toMatch(/Win rate \(shrunk\) — /);
  }, 120_000);

  it('one deal is "1 deal", more are "deals"', async () => {
    const json = await runSf(['salesops', 'pipeline', 'hygiene', ...common(), '--json']);
    const deals = (
      JSON.parse(json.stdout) as { result: { deals: Array<{ ownerName: string; flags: Array<{ rule: string }> }> } }
    ).result.deals;
    const counts = new Map<string, number>();
    for (const d of deals)
      for (const f of d.flags)
        counts.set(`${d.ownerName}|${f.rule}`, (counts.get(`${d.ownerName}|${f.rule}`) ?? 0) + 1);
    const single = [...counts].find(([, n]) => n === 1)?.[0].split('|');
    expect(single).toBeDefined();
    const [one, all] = await Promise.all([
      runSf([
        'salesops',
        'pipeline',
        'hygiene',
        ...common(),
        '--owner',
        single?.[0] ?? '',
        '--rule',
        single?.[1] ?? '',
      ]),
      runSf(['salesops', 'pipeline', 'hygiene', ...common()]),
    ]);
    expect(one.stdout).toMatch(/^Total\s+1 deal\s/m);
    expect(all.stdout).toMatch(new RegExp(`^Total\\s+${deals.length.toLocaleString('en-US')} deals\\s`, 'm'));
  }, 240_000);
});
