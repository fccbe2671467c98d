/**
 * The main job on the built-in demo org. Until the plugin exists it generates the deterministic sample org,
 * loads it through the same reader `--data-dir` uses, indexes it for the engine and prints a summary.
 */
import { join } from 'node:path';
import { createOrgSnapshot, parsePeriodSpec } from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';

const outDir = join(process.cwd(), '.sample-org', 'default');
const started = performance.now();
const generated = await generateSampleOrg({ seed: 42, size: 'default', outDir });
const generatedMs = performance.now() - started;
const data = await readDataDir(outDir);
const snapshot = createOrgSnapshot(data);
const loadedMs = performance.now() - started - generatedMs;

const asOf = SAMPLE_ANCHOR_DATE;
const current = parsePeriodSpec('current', { calendar: snapshot.calendar, asOf });
let open = 0;
let won = 0;
let lost = 0;
for (const o of data.opportunities) {
  const state = snapshot.dealAsOf(o, asOf);
  if (!state) continue;
  if (!state.IsClosed) open++;
  else if (state.IsWon) won++;
  else lost++;
}
const reps = data.users.filter((u) => snapshot.repQuotas.has(u.Id) || snapshot.salesOpsQuotas.has(u.Id)).length;

const rows: Array<[string, string]> = [
  ['Sample org', `${outDir} (seed 42, size default)`],
  ['Organization', `${data.organization.Name} · ${snapshot.timeZone} · ${snapshot.corporateCurrency}`],
  [
    'Fiscal year',
    `starts in month ${data.organization.FiscalYearStartMonth}; current quarter ${current.label} (${current.start}..${current.end})`,
  ],
  ['As of', asOf],
  ['Users / quota-carrying reps', `${data.users.length} / ${reps}`],
  ['Accounts', String(data.accounts.length)],
  [
    'Territories (active model)',
    `${snapshot.territoriesById.size} in ${snapshot.activeTerritoryModel?.Name ?? 'none'}`,
  ],
  ['Opportunities', `${data.opportunities.length} (open ${open}, won ${won}, lost ${lost} as of ${asOf})`],
  ['History rows', String(data.opportunityHistory.length)],
  ['Quota source', snapshot.quotaSource],
  ['Currencies', data.currencyTypes.map((c) => c.IsoCode).join(', ') || snapshot.corporateCurrency],
  ['Warnings', snapshot.warnings.length === 0 ? 'none' : snapshot.warnings.join('; ')],
  [
    'Time',
    `generated in ${(generatedMs / 1000).toFixed(1)} s, loaded and indexed in ${(loadedMs / 1000).toFixed(1)} s`,
  ],
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
console.log(
  `\nFiles: ${Object.entries(generated.files)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
