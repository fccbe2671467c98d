/**
 * Bad-input sweep through the real `sf` executable: every `sf salesops` command that reads data with malformed flags,
 * an unknown period, an impossible as-of date, a malformed CSV folder and a hostile one (a 1 MB field, a formula in a
 * deal name, invalid UTF-8 bytes, a rep named like an XSS payload). No crash and no stack trace for a user's mistake:
 * exit 1 (2 for flags oclif rejects) with a message naming the bad value; hostile values come out neutralised in CSV
 * and escaped in the HTML report.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { linkPlugin, repositoryRoot, runSf, sfConcurrency, sfTimeout, type SfRun } from '../scripts/sfCli.js';

const FORMULA = '=HYPERLINK("http://x","y")';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

let home: string;
let dir: string;
const clean = () => join(dir, 'clean');
const malformed = () => join(dir, 'malformed');
const hostile = () => join(dir, 'hostile');

/** Each command with the arguments it needs besides the data source. */
const COMMANDS: ReadonlyArray<{ name: string; args: (outDir: string) => string[] }> = [
  { name: 'forecast', args: () => ['salesops', 'forecast'] },
  { name: 'forecast accuracy', args: () => ['salesops', 'forecast', 'accuracy', '--periods', '2'] },
  { name: 'reps compare', args: () => ['salesops', 'reps', 'compare'] },
  { name: 'territory coverage', args: () => ['salesops', 'territory', 'coverage'] },
  { name: 'pipeline hygiene', args: () => ['salesops', 'pipeline', 'hygiene'] },
  {
    name: 'comp payout',
    args: () => [
      'salesops',
      'comp',
      'payout',
      '--plan',
      join(repositoryRoot, 'packages/core/comp-plans/ae-75-25.yaml'),
    ],
  },
  { name: 'report', args: (outDir) => ['salesops', 'report', '--output-dir', outDir] },
  { name: 'funnel', args: () => ['salesops', 'funnel'] },
  { name: 'revenue retention', args: () => ['salesops', 'revenue', 'retention'] },
];

/** Runs sf jobs as many at a time as the machine bears (`sfConcurrency`), in order of the inputs. */
async function runAll(jobs: ReadonlyArray<readonly string[]>): Promise<SfRun[]> {
  const results: SfRun[] = new Array<SfRun>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await runSf(home, jobs[i] as string[]);
    }
  };
  await Promise.all(Array.from({ length: sfConcurrency() }, worker));
  return results;
}

/** The timeout of a test that makes `runs` sf runs through `runAll`. */
const sweepTimeout = (runs: number) => sfTimeout(Math.ceil(runs / sfConcurrency()));

/** A user error: exit `code`, the message on stderr (sf's `Error (Name): …`), no stack trace, no crash. */
function expectUserError(run: SfRun, code: number, named: RegExp, label: string): void {
  expect(run.code, `${label}: ${run.stderr}`).toBe(code);
  expect(run.stderr, label).toMatch(/Error \(\w+\): /);
  expect(run.stderr, label).toMatch(named);
  expect(run.stderr, label).not.toMatch(/^\s+at /m);
  expect(run.stderr, label).not.toMatch(/TypeError|ReferenceError|Cannot read propert/);
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-bad-input-'));
  dir = await mkdtemp(join(tmpdir(), 'sf-bad-input-'));
  await generateSampleOrg({ outDir: clean(), size: 'toy', seed: 42 });
  expect((await linkPlugin(home)).code).toBe(0);

  // Malformed: a quoted field that never ends, on line 3 of Opportunity.csv.
  await cp(clean(), malformed(), { recursive: true });
  const opportunities = (await readFile(join(clean(), 'Opportunity.csv'), 'utf8')).split('\n');
  const broken = [...opportunities];
  broken[2] = (broken[2] as string).replace(/,([^,]*),/, ',"$1 unterminated,');
  await writeFile(join(malformed(), 'Opportunity.csv'), broken.join('\n'));

  // Hostile: a formula as a (flagged, open) deal name, a 1 MB name, invalid UTF-8 bytes, an XSS payload as a rep name.
  await cp(clean(), hostile(), { recursive: true });
  const rows = opportunities.map((line) => Buffer.from(line, 'utf8'));
  const setName = (i: number, name: Buffer) => {
    const cols = (rows[i] as Buffer).toString('latin1').split(',');
    cols[1] = name.toString('latin1');
    rows[i] = Buffer.from(cols.join(','), 'latin1');
  };
  const quoted = (text: string) => Buffer.from(`"${text.replaceAll('"', '""')}"`, 'utf8');
  // The first open deal, its next step removed so that hygiene flags it (NO_NEXT_STEP) and prints its name (its
  // amount would not do: the as-of replay takes amounts from the history).
  const header = (rows[0] as Buffer).toString('utf8').split(',');
  const open = rows.findIndex((r, i) => i > 6 && r.toString('utf8').split(',')[header.indexOf('IsClosed')] === 'false');
  expect(open).toBeGreaterThan(6); // rows 5 and 6 get other hostile names below
  const openCols = (rows[open] as Buffer).toString('utf8').split(',');
  openCols[header.indexOf('NextStep')] = '';
  rows[open] = Buffer.from(openCols.join(','), 'utf8');
  setName(open, quoted(FORMULA));
  setName(5, Buffer.alloc(1024 * 1024, 'A'));
  setName(6, Buffer.from([0x42, 0x61, 0x64, 0x20, 0xff, 0xfe, 0xc3, 0x20, 0x6e, 0x61, 0x6d, 0x65]));
  await writeFile(
    join(hostile(), 'Opportunity.csv'),
    Buffer.concat(rows.flatMap((r, i) => (i ? [Buffer.from('\n'), r] : [r]))),
  );
  const users = await readFile(join(clean(), 'User.csv'), 'utf8');
  expect(users).toContain('Farah Jovanović');
  await writeFile(join(hostile(), 'User.csv'), users.replaceAll('Farah Jovanović', HOSTILE_NAME));
}, 120_000);
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

describe('bad input, every command', () => {
  it(
    'malformed flags, an unknown period and an impossible date: exit 1 or 2 with the bad value named',
    async () => {
      const cases = COMMANDS.flatMap(({ name, args }) => {
        const base = [...args(join(dir, `out-${name.replaceAll(' ', '-')}`)), '--data-dir', clean()];
        return [
          {
            label: `${name} --period FY1999-Q9`,
            args: [...base, '--as-of', SAMPLE_ANCHOR_DATE, '--period', 'FY1999-Q9'],
            code: 1,
            named: /FY1999-Q9/,
          },
          {
            label: `${name} --as-of 2026-13-01`,
            args: [...base, '--as-of', '2026-13-01'],
            code: 1,
            named: /"2026-13-01" is not a date; use YYYY-MM-DD/,
          },
          // Flags oclif rejects before the command runs: a nonexistent flag exits 2 (cli.md), a flag without its value
          // exits 1 (oclif's own choice); either way a message naming the flag and no stack.
          { label: `${name} --perod`, args: [...base, '--perod', 'FY2026-Q4'], code: 2, named: /--perod/ },
          { label: `${name} --period (no value)`, args: [...base, '--period'], code: 1, named: /--period/ },
        ];
      });
      const runs = await runAll(cases.map((c) => c.args));
      cases.forEach((c, i) => expectUserError(runs[i] as SfRun, c.code, c.named, c.label));
      // The unknown period's message lists the accepted forms.
      expect(runs[0]?.stderr).toMatch(/Accepted forms: current, previous or next/);
    },
    sweepTimeout(4 * COMMANDS.length),
  );

  it(
    'a malformed CSV folder: exit 1 naming the file and line',
    async () => {
      const runs = await runAll(
        COMMANDS.map(({ name, args }) => [
          ...args(join(dir, `malformed-${name.replaceAll(' ', '-')}`)),
          '--data-dir',
          malformed(),
          '--as-of',
          SAMPLE_ANCHOR_DATE,
        ]),
      );
      COMMANDS.forEach(({ name }, i) => expectUserError(runs[i] as SfRun, 1, /Opportunity\.csv(:| line )3/, name));
    },
    sweepTimeout(COMMANDS.length),
  );

  it(
    'a hostile CSV folder: no crash, formulas neutralised in CSV output, nothing unescaped in report.html',
    async () => {
      const reportDir = join(dir, 'hostile-report');
      const runs = await runAll(
        COMMANDS.map(({ args }) => [
          ...args(reportDir),
          '--data-dir',
          hostile(),
          '--as-of',
          SAMPLE_ANCHOR_DATE,
          ...(args(reportDir)[1] === 'report' ? [] : ['--result-format', 'csv']),
        ]),
      );
      COMMANDS.forEach(({ name }, i) => {
        const run = runs[i] as SfRun;
        expect(run.code, `${name}: ${run.stderr}`).toBe(0);
        expect(run.stderr, name).not.toMatch(/^\s+at /m);
      });
      // The flagged deal named like a formula: a text cell starting with ' in the CSV, never a live formula.
      const hygiene = (runs[4] as SfRun).stdout;
      expect(hygiene).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
      const cells = hygiene.split('\n').flatMap((line) => line.split(','));
      expect(cells.filter((cell) => /^"?[=+@\t\r]/.test(cell))).toEqual([]);
      // The rep named like markup: a CSV value for reps compare, escaped text in the report.
      expect((runs[2] as SfRun).stdout).toContain(HOSTILE_NAME);
      const html = await readFile(join(reportDir, 'report.html'), 'utf8');
      const markdown = await readFile(join(reportDir, 'report.md'), 'utf8');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).not.toContain('<img');
      expect(html).not.toMatch(/onerror=alert\(1\)>/);
      expect(markdown).not.toContain(HOSTILE_NAME);
    },
    sweepTimeout(COMMANDS.length),
  );
});
