import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import {
  activeUserIds,
  backtestForecastsWith,
  CALIBRATION_TARGETS,
  forecastAccuracyRecords,
  forecastCalibration,
  forecastScopes,
  ownedByRep,
  type BacktestReport,
  type BacktestSkippedPeriod,
  type CalibrationRow,
  type ForecastScopeType,
} from '@salesops/core';
import { readingFlags } from '../../../shared/commonFlags.js';
import { groupByFlag } from '../../../shared/forecastFlags.js';
import { skippedText } from '../../../shared/forecastNotes.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { monteCarloPool } from '../../../shared/monteCarloPool.js';
import { presentResult } from '../../../shared/presentResult.js';
import { writeBack, writeFlags, type Written } from '../../../shared/writeBack.js';
import { withGlossary } from '../../../shared/glossary.js';
import { pluralMessage } from '../../../shared/pluralMessage.js';
import type { Column } from '../../../shared/resultTable.js';
import { SalesopsCommand } from '../../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.forecast.accuracy');

export type AccuracyRow = {
  scopeType: ForecastScopeType;
  scopeId: string;
  scopeName: string;
  method: string;
  horizon: number;
  count: number;
  mape: number | null;
  wape: number | null;
  bias: number | null;
  smape: number | null;
  coverage: number | null;
  pinball: number | null;
  mase: number | null;
  rank: number | null;
};

export type SalesopsForecastAccuracyResult = {
  asOf: string;
  currency: string;
  groupBy: ForecastScopeType;
  periods: string[];
  /** Closed periods of the window not scored: they start before the org's first deal (`firstDeal`). */
  skipped: BacktestSkippedPeriod[];
  firstDeal: string | null;
  horizons: number[];
  accuracy: AccuracyRow[];
  /** Per scope and horizon, the method with the lowest WAPE. */
  best: Array<{ scopeName: string; horizon: number; method: string; wape: number | null }>;
  points: BacktestReport['points'];
  /**
   * Monte Carlo calibration per scope level (org, team, rep, and the --group-by level) and horizon, and pooled
   * ('all'): share of actuals inside [P10, P90] (target 80% ± 5 points) and below P50 (50% ± 7 points).
   */
  calibration: CalibrationRow[];
  written?: Written;
};

/** The table's columns, most important with the lowest priority (shared/resultTable.ts). */
const COLUMNS: Array<Column<AccuracyRow>> = [
  { key: 'scopeName', term: 'scope', kind: 'text', value: (r) => r.scopeName, priority: 1, overflow: 'ellipsis' },
  { key: 'horizon', kind: 'count', value: (r) => r.horizon, priority: 1 },
  { key: 'method', kind: 'text', value: (r) => r.method, priority: 1 },
  { key: 'rank', term: 'methodRank', kind: 'count', value: (r) => r.rank, priority: 2 },
  { key: 'wape', kind: 'ratio', value: (r) => r.wape, priority: 1 },
  { key: 'mape', kind: 'ratio', value: (r) => r.mape, priority: 3 },
  { key: 'bias', kind: 'ratio', value: (r) => r.bias, priority: 2 },
  { key: 'coverage', term: 'intervalCoverage', kind: 'ratio', value: (r) => r.coverage, priority: 3 },
  { key: 'pinball', kind: 'number', value: (r) => r.pinball, priority: 4 },
  { key: 'mase', kind: 'number', value: (r) => r.mase, priority: 4 },
];

/** The periods backtested, labelled with their dates once: `FY2027-Q1, …, FY2027-Q3 (2026-02-01..2026-10-31)`. */
function backtestSpan(
  calendar: { periodByLabel(label: string): { start: string; end: string } | null },
  labels: readonly string[],
  fallback: { start: string; end: string },
): { label: string; start: string; end: string } {
  const spans = labels.map((l) => calendar.periodByLabel(l)).filter((p) => p !== null);
  const start = spans.map((p) => p.start).sort()[0] ?? fallback.start;
  const end =
    spans
      .map((p) => p.end)
      .sort()
      .at(-1) ?? fallback.end;
  return { label: labels.join(', '), start, end };
}

/** The levels the calibration table pools (metrics.md "Calibration"), with the run's own level. */
const CALIBRATION_LEVELS: readonly ForecastScopeType[] = ['org', 'team', 'rep'];

export default class ForecastAccuracy extends SalesopsCommand<SalesopsForecastAccuracyResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(
    messages.getMessage('description'),
    COLUMNS.map((c) => c.term ?? c.key),
  );
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    ...writeFlags,
    'group-by': groupByFlag,
    periods: Flags.integer({ min: 1, max: 24, default: 4, summary: messages.getMessage('flags.periods.summary') }),
    horizons: Flags.string({ default: '7,30,60', summary: messages.getMessage('flags.horizons.summary') }),
    seed: Flags.integer({ default: 42, summary: 'Seed of the Monte Carlo draws.' }),
  };

  public async run(): Promise<SalesopsForecastAccuracyResult> {
    const { flags } = await this.parse(ForecastAccuracy);
    const horizons = flags.horizons.split(',').map((h) => Number(h.trim()));
    if (horizons.some((h) => !Number.isInteger(h) || h < 0))
      throw messages.createError('error.BadHorizons', [flags.horizons]);
    const loaded = await loadSnapshot(flags, this.spinner);
    const { snapshot, period, asOf } = loaded;
    const backtestOptions = {
      asOf,
      seed: flags.seed,
      periods: flags.periods,
      horizons,
      periodType: period.type === 'Month' || period.type === 'Year' ? period.type : 'Quarter',
    } as const;
    this.spinner.start(messages.getMessage('spinner.Backtesting', [flags.periods, horizons.join(', ')]));
    // Every past forecast's Monte Carlo draws run in worker threads on a large org (see monteCarloPool).
    const pool = monteCarloPool();
    let backtest: BacktestReport;
    let others: BacktestReport;
    try {
      pool.startFor(snapshot.data.opportunities.length);
      // Calibration pools every level: the levels the run did not forecast get a Monte Carlo backtest of their own.
      const otherLevels = CALIBRATION_LEVELS.filter((level) => level !== flags['group-by']);
      [backtest, others] = await Promise.all([
        backtestForecastsWith(pool.run, snapshot, {
          ...backtestOptions,
          scopes: forecastScopes(snapshot, [flags['group-by']]),
        }),
        backtestForecastsWith(pool.run, snapshot, {
          ...backtestOptions,
          methods: ['monteCarlo'],
          scopes: forecastScopes(snapshot, otherLevels),
        }),
      ]);
    } finally {
      await pool.close();
    }
    this.spinner.stop();
    const calibration = forecastCalibration(
      [...backtest.points, ...others.points].filter((p) => p.method === 'monteCarlo'),
    );
    const accuracy: AccuracyRow[] = backtest.summaries.map((s) => ({
      scopeType: s.scope.type,
      scopeId: s.scope.id,
      scopeName: s.scope.name,
      method: s.method,
      horizon: s.horizon,
      count: s.metrics.count,
      mape: s.metrics.mape,
      wape: s.metrics.wape,
      bias: s.metrics.bias,
      smape: s.metrics.smape,
      coverage: s.metrics.coverage,
      pinball: s.metrics.pinball?.total ?? null,
      mase: s.metrics.mase,
      rank: s.rank,
    }));
    const best = accuracy
      .filter((a) => a.rank === 1)
      .map((a) => ({ scopeName: a.scopeName, horizon: a.horizon, method: a.method, wape: a.wape }));
    const result: SalesopsForecastAccuracyResult = {
      asOf,
      currency: snapshot.corporateCurrency,
      groupBy: flags['group-by'],
      periods: [...backtest.periods],
      skipped: [...backtest.skipped],
      firstDeal: backtest.firstDeal,
      horizons: [...backtest.horizons],
      accuracy,
      best,
      points: backtest.points,
      calibration,
    };
    result.written = await writeBack(this, flags, 'forecast accuracy', this.argv, (runId) => [
      {
        sobject: 'SalesOps_Forecast_Accuracy__c',
        records: ownedByRep(
          forecastAccuracyRecords(backtest, snapshot.calendar, { runId }),
          activeUserIds(snapshot.data.users),
        ),
      },
    ]);
    const rows = [...accuracy].sort(
      (a, b) => a.scopeName.localeCompare(b.scopeName) || a.horizon - b.horizon || (a.rank ?? 99) - (b.rank ?? 99),
    );
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    const notes = best.map(
      (b) =>
        `Most accurate for ${b.scopeName} at ${b.horizon} days: ${b.method} (WAPE ${b.wape === null ? '—' : percent(b.wape)}).`,
    );
    notes.push(
      messages.getMessage('calibration.title', [
        percent(CALIBRATION_TARGETS.inside.target),
        String(Math.round(100 * CALIBRATION_TARGETS.inside.tolerance)),
        percent(CALIBRATION_TARGETS.belowP50.target),
        String(Math.round(100 * CALIBRATION_TARGETS.belowP50.tolerance)),
      ]),
      ...calibration.map((c) =>
        messages.getMessage('calibration.row', [
          messages.getMessage(`calibration.level.${c.level}`),
          c.horizon,
          percent(c.inside),
          percent(c.belowP50),
          c.count,
        ]),
      ),
    );
    const skipped = skippedText(backtest.skipped, backtest.firstDeal);
    if (skipped) notes.push(skipped);
    await presentResult(
      this,
      { ...loaded, period: { ...period, ...backtestSpan(snapshot.calendar, backtest.periods, period) } },
      { columns: COLUMNS, rows },
      result,
      flags,
      `Forecast accuracy over ${pluralMessage('periods', backtest.periods.length, [backtest.periods.length])}`,
      notes,
    );
    return result;
  }
}
