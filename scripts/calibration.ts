/**
 * Monte Carlo calibration on generated sample orgs (`npm run calibration -- [--seeds 42,7,1234] [--size default]`):
 * the backtest of `sf salesops forecast accuracy` (4 closed quarters as of the anchor date, horizons 7, 30, 60 days,
 * seed 42) for the org, its teams and its reps, and per level and horizon the share of actuals inside P10–P90
 * (target 80% ± 5 points) and below P50 (50% ± 7 points). Writes each org to .sample-org/seed<N> when missing.
 * Prints a Markdown table per seed. Not a test (see test/forecastCalibration.test.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  backtestForecasts,
  CALIBRATION_TARGETS,
  createOrgSnapshot,
  forecastCalibration,
  forecastScopes,
  scopeMembership,
  type CalibrationRow,
  type ForecastScope,
  type OrgSnapshot,
} from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '42,7,1234' }, size: { type: 'string', default: 'default' } },
});
const size = values.size === 'default' || values.size === 'toy' ? values.size : Number(values.size);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ok = (x: number, { target, tolerance }: { target: number; tolerance: number }) =>
  Math.abs(x - target) <= tolerance + 1e-12 ? '' : ' ✗';

/**
 * Each set of deals once: a team whose owners are those of another team, or of the whole org, is left out (role
 * hierarchies list a team under its manager's role and its reps' role; the top role holds the org). With team
 * hierarchies that name each team once this leaves every scope in.
 */
function distinctScopes(snapshot: OrgSnapshot, scopes: readonly ForecastScope[]): ForecastScope[] {
  const owners = new Set<string>();
  for (const o of snapshot.data.opportunities) if (o.OwnerId !== null) owners.add(o.OwnerId);
  const seen = new Set<string>([[...owners].sort().join(',')]);
  return scopes.filter((scope) => {
    if (scope.type !== 'team') return true;
    const member = scopeMembership(snapshot, scope);
    const key = [...(member.partition?.keys ?? [])]
      .filter((id) => owners.has(id))
      .sort()
      .join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

for (const seed of values.seeds.split(',').map((s) => Number(s.trim()))) {
  const dir = join(
    import.meta.dirname,
    '..',
    '.sample-org',
    size === 'default' ? `seed${seed}` : `seed${seed}-${size}`,
  );
  if (!existsSync(join(dir, 'manifest.json'))) await generateSampleOrg({ outDir: dir, seed, size });
  const snapshot = createOrgSnapshot(await readDataDir(dir));
  const started = performance.now();
  const report = backtestForecasts(snapshot, {
    asOf: SAMPLE_ANCHOR_DATE,
    seed: 42,
    methods: ['monteCarlo'],
    scopes: distinctScopes(snapshot, forecastScopes(snapshot, ['org', 'team', 'rep'])),
  });
  const rows: CalibrationRow[] = forecastCalibration(report.points);
  console.log(
    `\n### Seed ${seed} (${report.periods.join(', ')}; ${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  console.log('| level | horizon | forecasts | inside P10–P90 | below P50 |');
  console.log('|---|--:|--:|--:|--:|');
  for (const r of rows) {
    console.log(
      `| ${r.level} | ${r.horizon} | ${r.count} | ${pct(r.inside)}${r.level === 'all' ? ok(r.inside, CALIBRATION_TARGETS.inside) : ''} | ${pct(r.belowP50)}${r.level === 'all' ? ok(r.belowP50, CALIBRATION_TARGETS.belowP50) : ''} |`,
    );
  }
}
