/**
 * Issue 4 verification: the time-series methods and the accuracy metrics agree with R's `forecast` package
 * (8.20, Debian r-cran-forecast) on the same series — references no one here wrote, run in CI, never skipped.
 *
 * The corpus (over 100 series): 90 synthetic series (generatedSeries.ts) and classic series typed in from R's `datasets`
 * (and short slices of them, which take the code paths R
 * uses for short series), and the sample org's bookings (org quarterly and monthly, each region quarterly). The
 * test writes them to a temporary directory, runs `Rscript reference.R` on them and compares:
 *
 * - fixed-parameter models (`ses/holt/hw(initial = "simple")` with given α, β, γ; every fitted ETS model re-run
 *   through our recursions with R's parameters and initial states; Theta with R's SES parameters): fitted values,
 *   forecasts, the 80% interval and σ² within 1e-6 (relative to the value's size when above 1);
 * - `forecast::accuracy()` (ME, RMSE, MAE, MAPE, MASE; training and test set) computed by `accuracyMetrics` from
 *   R's own forecasts: within 1e-6;
 * - fitted models (our own estimation: ses, holt, damped holt, additive Holt–Winters, Theta): corpus-level
 *   Σ|ours − R| / Σ|R| of the forecasts and the corpus SSE ratio within 1%.
 *
 * Without Rscript and the forecast package every test fails (none is skipped) with the command that installs them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accuracyMetrics,
  bookingsSeries,
  createOrgSnapshot,
  etsFilter,
  etsForecast,
  exponentialSmoothing,
  forecastScopes,
  holtWintersFilter,
  holtWintersStart,
  scopeMembership,
  seasonalNaiveScale,
  smoothingForecast,
  smoothingSpec,
  thetaForecast,
  type EtsFilterResult,
  type SmoothingModel,
} from '@salesops/core';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { readDataDir } from '@salesops/org';
import { classicSeries } from './classicSeries.js';
import { generatedSeries } from './generatedSeries.js';

const H = 8;
const TOLERANCE = 1e-6;
const CORPUS_TOLERANCE = 0.01;
const INSTALL = 'apt-get install -y --no-install-recommends r-base-core r-cran-forecast';
const here = dirname(fileURLToPath(import.meta.url));

interface Series {
  readonly frequency: number;
  readonly values: readonly number[];
}

const dirs: string[] = [];
const corpus = new Map<string, Series>();
/** R's output: `series|model|field` → values (index 0 for scalars). */
const r = new Map<string, number[]>();
/** Why R cannot be run, when it cannot: every test then fails with this message (never skips). */
let missingR: string | null = null;
function requireR() {
  if (missingR !== null) throw new Error(missingR);
}
/** Largest differences seen, per check, for the summary printed at the end. */
const maxima = new Map<string, number>();

function record(check: string, difference: number) {
  maxima.set(check, Math.max(maxima.get(check) ?? 0, difference));
}

function values(series: string, model: string, field: string): number[] | undefined {
  return r.get(`${series}|${model}|${field}`);
}

function scalar(series: string, model: string, field: string): number {
  const v = values(series, model, field)?.[0];
  if (v === undefined) throw new Error(`R gave no ${model} ${field} for ${series}`);
  return v;
}

/** Largest |ours − R| / max(1, |R|) over the values, recorded under `check`. */
function compare(check: string, ours: ArrayLike<number>, theirs: readonly number[] | undefined): number {
  expect(theirs, `${check}: R gave no values`).toBeDefined();
  const ref = theirs as readonly number[];
  expect(ours.length).toBeGreaterThanOrEqual(ref.length);
  let worst = 0;
  for (let i = 0; i < ref.length; i++) {
    const a = ours[i] as number;
    const b = ref[i] as number;
    worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(b)));
  }
  record(check, worst);
  return worst;
}

beforeAll(async () => {
  const probe = spawnSync(
    'Rscript',
    ['-e', 'suppressMessages(library(forecast)); cat(format(packageVersion("forecast")))'],
    {
      encoding: 'utf8',
    },
  );
  if (probe.error || probe.status !== 0) {
    missingR =
      `The comparison with R needs Rscript and R's forecast package, which were not found ` +
      `(${probe.error?.message ?? probe.stderr.trim()}). Install them with: ${INSTALL} (.ci/run does).`;
    return;
  }

  for (const [name, s] of Object.entries(classicSeries)) corpus.set(name, s);
  const slice = (name: string, from: number, to: number, scale = 1): Series => {
    const s = classicSeries[name] as Series;
    return { frequency: s.frequency, values: s.values.slice(from, to).map((v) => v * scale) };
  };
  // Short series: R's ets falls back to the simple start (n ≤ k + 4), and initial seasons come from a regression.
  corpus.set('Nile6', slice('Nile', 0, 6));
  corpus.set('Nile9', slice('Nile', 0, 9));
  corpus.set('UKgas12', slice('UKgas', 0, 12));
  corpus.set('UKgas20', slice('UKgas', 0, 20));
  corpus.set('JJmillions11', slice('JohnsonJohnson', 40, 51, 1e6));

  // Synthetic series bring the corpus past 100 series.
  for (const [name, series] of Object.entries(generatedSeries(90))) corpus.set(name, series);
  expect(corpus.size).toBeGreaterThanOrEqual(100);

  const dir = await mkdtemp(join(tmpdir(), 'forecast-r-'));
  dirs.push(dir);
  await generateSampleOrg({ outDir: join(dir, 'org'), size: 'default' });
  const snapshot = createOrgSnapshot(await readDataDir(join(dir, 'org')));
  const quarter = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Quarter');
  const month = snapshot.calendar.periodOf(SAMPLE_ANCHOR_DATE, 'Month');
  const orgQuarterly = bookingsSeries(snapshot, quarter, SAMPLE_ANCHOR_DATE);
  const orgMonthly = bookingsSeries(snapshot, month, SAMPLE_ANCHOR_DATE);
  corpus.set('sampleOrgQuarterly', orgQuarterly);
  corpus.set('sampleOrgMonthly', orgMonthly);
  const regions = forecastScopes(snapshot, ['team']).filter((s) => /Sales Manager 1\)$/.test(s.name));
  for (const scope of regions) {
    const series = bookingsSeries(snapshot, quarter, SAMPLE_ANCHOR_DATE, scopeMembership(snapshot, scope));
    corpus.set(`sample${scope.name.replace(/^.*\(|\)$/g, '').replace(/[^A-Za-z0-9]/g, '')}Quarterly`, series);
  }
  expect(orgQuarterly.values.length).toBeGreaterThanOrEqual(8);
  expect(orgMonthly.values.length).toBeGreaterThanOrEqual(24);

  let csv = 'series,frequency,h,index,value\n';
  for (const [name, s] of corpus) s.values.forEach((v, i) => (csv += `${name},${s.frequency},${H},${i + 1},${v}\n`));
  await writeFile(join(dir, 'series.csv'), csv);
  execFileSync('Rscript', [join(here, 'reference.R'), join(dir, 'series.csv'), join(dir, 'out.csv')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const lines = (await readFile(join(dir, 'out.csv'), 'utf8')).trim().split('\n').slice(1);
  for (const line of lines) {
    const [series, model, field, index, value] = line.split(',') as [string, string, string, string, string];
    const key = `${series}|${model}|${field}`;
    let list = r.get(key);
    if (!list) r.set(key, (list = []));
    list[Math.max(0, Number(index) - 1)] = value === 'NA' ? NaN : Number(value);
  }
  expect(r.size).toBeGreaterThan(100);
}, 240_000);

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  if (maxima.size === 0) return;
  const rows = [...maxima].map(([check, v]) => `  ${check.padEnd(44)} ${v.toExponential(2)}`);
  console.log(`Largest differences from R (relative above 1, absolute below):\n${rows.join('\n')}`);
});

const fixedModels = [
  { model: 'ses', key: 'fixed-ses', params: { alpha: 0.3 } },
  { model: 'holt', key: 'fixed-holt', params: { alpha: 0.3, beta: 0.1 } },
  { model: 'holtWinters', key: 'fixed-hw', params: { alpha: 0.3, beta: 0.1, gamma: 0.2 } },
] as const;

const fittedModels: readonly SmoothingModel[] = ['ses', 'holt', 'dampedHolt', 'holtWinters'];

describe('fixed-parameter models agree with R within 1e-6', () => {
  it('ses / holt / hw with initial = "simple" and given parameters', () => {
    requireR();
    let checked = 0;
    for (const [name, s] of corpus) {
      for (const { model, key, params } of fixedModels) {
        if (!values(name, key, 'mean')) continue;
        const fit = exponentialSmoothing(s.values, { model, frequency: s.frequency, initial: 'simple', ...params });
        expect(fit, `${name} ${key}`).not.toBeNull();
        const f = smoothingForecast(fit!, H);
        expect(compare(`${key} fitted`, fit!.fitted, values(name, key, 'fitted'))).toBeLessThan(TOLERANCE);
        expect(compare(`${key} forecast`, f.mean, values(name, key, 'mean'))).toBeLessThan(TOLERANCE);
        expect(compare(`${key} P10`, f.lower80, values(name, key, 'lower'))).toBeLessThan(TOLERANCE);
        expect(compare(`${key} P90`, f.upper80, values(name, key, 'upper'))).toBeLessThan(TOLERANCE);
        expect(compare(`${key} sigma2`, [fit!.sigma2], values(name, key, 'sigma2'))).toBeLessThan(TOLERANCE);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2 * corpus.size);
  });

  it("R's fitted models re-run through our recursions with R's parameters and initial states", () => {
    requireR();
    let checked = 0;
    for (const [name, s] of corpus) {
      for (const model of fittedModels) {
        const key = `fit-${model}`;
        if (!values(name, key, 'mean')) continue;
        const spec = { ...smoothingSpec(model, s.frequency), damped: scalar(name, key, 'damped') === 1 };
        const param = (p: string, otherwise: number) => {
          const v = scalar(name, key, p);
          return Number.isNaN(v) ? otherwise : v;
        };
        const params = {
          alpha: param('alpha', 0),
          beta: param('beta', 0),
          gamma: param('gamma', 0),
          phi: param('phi', 1),
        };
        const run: EtsFilterResult =
          scalar(name, key, 'form_ets') === 1
            ? etsFilter(s.values, spec, params, values(name, key, 'initstate') as number[])
            : holtWintersFilter(s.values, spec, params, holtWintersStart(s.values, spec));
        const f = etsForecast(spec, params, run.finalState, scalar(name, key, 'sigma2'), H);
        expect(compare(`${model} (R parameters) fitted`, run.fitted, values(name, key, 'fitted'))).toBeLessThan(
          TOLERANCE,
        );
        expect(compare(`${model} (R parameters) forecast`, f.mean, values(name, key, 'mean'))).toBeLessThan(TOLERANCE);
        expect(compare(`${model} (R parameters) P10`, f.lower80, values(name, key, 'lower'))).toBeLessThan(TOLERANCE);
        expect(compare(`${model} (R parameters) P90`, f.upper80, values(name, key, 'upper'))).toBeLessThan(TOLERANCE);
        expect(compare(`${model} (R parameters) SSE`, [run.sse], values(name, key, 'sse'))).toBeLessThan(TOLERANCE);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3 * corpus.size);
  });

  it("Theta with R's simple exponential smoothing parameters", () => {
    requireR();
    for (const [name, s] of corpus) {
      const ours = thetaForecast(s.values, { frequency: s.frequency, h: H });
      expect(ours).not.toBeNull();
      const base = ours!.seasonal ? 'theta-ses-adjusted' : 'theta-ses-plain';
      // The SES thetaf builds on: on y, or on y seasonally adjusted when its seasonality test says so. Taking the
      // one our own test picks also checks that the two tests agree (the other would not reproduce thetaf).
      if (scalar(name, base, 'form_ets') !== 1) continue; // thetaf's SES fell back to the simple start (n ≤ 6)
      const fixed = thetaForecast(s.values, {
        frequency: s.frequency,
        h: H,
        ses: { alpha: scalar(name, base, 'alpha'), level: scalar(name, base, 'level') },
      });
      expect(compare('theta (R SES) fitted', fixed!.fitted, values(name, 'fit-theta', 'fitted'))).toBeLessThan(
        TOLERANCE,
      );
      expect(compare('theta (R SES) forecast', fixed!.mean, values(name, 'fit-theta', 'mean'))).toBeLessThan(TOLERANCE);
      expect(compare('theta (R SES) P10', fixed!.lower80, values(name, 'fit-theta', 'lower'))).toBeLessThan(TOLERANCE);
      expect(compare('theta (R SES) P90', fixed!.upper80, values(name, 'fit-theta', 'upper'))).toBeLessThan(TOLERANCE);
      expect(compare('theta drift', [fixed!.drift], values(name, 'fit-theta', 'drift'))).toBeLessThan(TOLERANCE);
    }
  });
});

describe('accuracy metrics agree with forecast::accuracy within 1e-6', () => {
  it('ME, RMSE, MAE, MAPE and MASE on the training and the test set', () => {
    requireR();
    let checked = 0;
    for (const [name, s] of corpus) {
      const n = s.values.length;
      if (n - H < 8) continue;
      const train = s.values.slice(0, n - H);
      const test = s.values.slice(n - H);
      const scale = seasonalNaiveScale(train, s.frequency);
      for (const model of ['ses', 'holt', 'dampedHolt', 'holtWinters', 'theta']) {
        const key = `acc-${model}`;
        const mean = values(name, key, 'mean');
        const fitted = values(name, key, 'fitted');
        if (!mean || !fitted) continue;
        const sets = {
          test: accuracyMetrics(test.map((actual, i) => ({ actual, forecast: mean[i] as number, scale }))),
          train: accuracyMetrics(train.map((actual, i) => ({ actual, forecast: fitted[i] as number, scale }))),
        };
        for (const [set, m] of Object.entries(sets)) {
          const data = set === 'test' ? test : train;
          const ours: Record<string, number | null> = {
            ME: m.me,
            RMSE: m.rmse,
            MAE: m.mae,
            MASE: m.mase,
            // R's MAPE is in percent and keeps A = 0 (as Inf); ours leaves A = 0 out, so compare where none is 0.
            ...(data.every((v) => v !== 0) ? { MAPE: m.mape === null ? null : 100 * m.mape } : {}),
          };
          for (const [measure, value] of Object.entries(ours)) {
            expect(value, `${name} ${model} ${set} ${measure}`).not.toBeNull();
            const diff = compare(
              `accuracy ${set} ${measure}`,
              [value as number],
              values(name, key, `${set}_${measure}`),
            );
            expect(diff, `${name} ${model} ${set} ${measure}`).toBeLessThan(TOLERANCE);
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});

describe('fitted models agree with R at corpus level within 1%', () => {
  /** Our h-step forecasts of a series by our own fit of `model`. */
  const ourForecast = (
    model: SmoothingModel | 'theta',
    s: Series,
    h: number,
  ): { mean: readonly number[]; sse: number | null } => {
    if (model === 'theta') return { mean: thetaForecast(s.values, { frequency: s.frequency, h })!.mean, sse: null };
    const fit = exponentialSmoothing(s.values, { model, frequency: s.frequency });
    expect(fit).not.toBeNull();
    return { mean: smoothingForecast(fit!, h).mean, sse: fit!.sse };
  };

  it.each([...fittedModels, 'theta'] as const)('%s: in-sample fit, forecasts and hold-out error', (model) => {
    requireR();
    const key = `fit-${model}`;
    let sseOurs = 0;
    let sseR = 0;
    let absDiff = 0;
    let absR = 0;
    let sameOptimum = 0;
    let lowerOptimum = 0;
    for (const [name, s] of corpus) {
      const rMean = values(name, key, 'mean');
      if (!rMean) continue;
      const ours = ourForecast(model, s, H);
      let sameFit = true;
      if (ours.sse !== null) {
        const theirs = scalar(name, key, 'sse');
        sseOurs += ours.sse;
        sseR += theirs;
        // Never a worse optimum of the same objective than R's.
        expect(ours.sse / theirs, `${name}: SSE against R's`).toBeLessThan(1 + 1e-6);
        sameFit = ours.sse / theirs > 1 - 1e-6;
        if (!sameFit) lowerOptimum++;
      }
      if (!sameFit) continue;
      // Where both found the same optimum the forecasts agree.
      sameOptimum++;
      for (let i = 0; i < H; i++) {
        absDiff += Math.abs((ours.mean[i] as number) - (rMean[i] as number));
        absR += Math.abs(rMean[i] as number);
      }
    }
    // Most of the 100-plus series of the corpus take part (Holt-Winters needs two full seasons).
    expect(sameOptimum).toBeGreaterThanOrEqual(model === 'holtWinters' ? 30 : 90);
    const forecastDifference = absDiff / absR;
    record(`${model} fitted: corpus Σ|F - F_R| / Σ|F_R|`, forecastDifference);
    expect(forecastDifference).toBeLessThan(CORPUS_TOLERANCE);
    if (model !== 'theta') {
      const sseRatio = sseOurs / sseR;
      record(`${model} fitted: corpus 1 - SSE / SSE_R`, 1 - sseRatio);
      record(`${model} fitted: series with a lower optimum than R`, lowerOptimum);
      expect(sseRatio).toBeLessThanOrEqual(1 + CORPUS_TOLERANCE);
    }

    // Hold-out: fitted on all but the last h observations, scored on them (MASE, as forecast::accuracy does).
    let maseOurs = 0;
    let maseR = 0;
    let holdOuts = 0;
    for (const [name, s] of corpus) {
      const rMase = values(name, `acc-${model}`, 'test_MASE')?.[0];
      if (rMase === undefined) continue;
      const n = s.values.length;
      const train = { frequency: s.frequency, values: s.values.slice(0, n - H) };
      const test = s.values.slice(n - H);
      const mean = ourForecast(model, train, H).mean;
      const scale = seasonalNaiveScale(train.values, s.frequency);
      const m = accuracyMetrics(test.map((actual, i) => ({ actual, forecast: mean[i] as number, scale })));
      maseOurs += m.mase as number;
      maseR += rMase;
      holdOuts++;
    }
    expect(holdOuts).toBeGreaterThanOrEqual(model === 'holtWinters' ? 3 : 5);
    const holdOutDifference = Math.abs(maseOurs / maseR - 1);
    record(`${model} fitted: corpus hold-out |MASE / MASE_R - 1|`, holdOutDifference);
    expect(holdOutDifference).toBeLessThan(CORPUS_TOLERANCE);
  });
});
