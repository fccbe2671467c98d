import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import {
  backtestForecasts,
  forecastAccuracyRecords,
  forecastScopes,
  type BacktestReport,
  type ForecastScopeType,
} from '@salesops/core';
import { readingFlags } from '../../../shared/commonFlags.js';
import { groupByFlag } from '../../../shared/forecastFlags.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { presentResult } from '../../../shared/presentResult.js';
import { writeBack, writeFlags, type Written } from '../../../shared/writeBack.js';
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
  horizons: number[];
  accuracy: AccuracyRow[];
  /** Per scope and horizon, the method with the lowest WAPE. */
  best: Array<{ scopeName: string; horizon: number; method: string; wape: number | null }>;
  points: BacktestReport['points'];
  written?: Written;
};

export default class ForecastAccuracy extends SalesopsCommand<SalesopsForecastAccuracyResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
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
    this.spinner.start(messages.getMessage('spinner.Backtesting', [flags.periods, horizons.join(', ')]));
    const backtest = backtestForecasts(snapshot, {
      asOf,
      seed: flags.seed,
      periods: flags.periods,
      horizons,
      periodType: period.type === 'Month' || period.type === 'Year' ? period.type : 'Quarter',
      scopes: forecastScopes(snapshot, [flags['group-by']]),
    });
    this.spinner.stop();
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
      horizons: [...backtest.horizons],
      accuracy,
      best,
      points: backtest.points,
    };
    result.written = await writeBack(this, flags, 'forecast accuracy', this.argv, (runId) => [
      {
        sobject: 'SalesOps_Forecast_Accuracy__c',
        records: forecastAccuracyRecords(backtest, snapshot.calendar, { runId }),
      },
    ]);
    const columns: Array<Column<AccuracyRow>> = [
      { key: 'scopeName', header: 'Scope', kind: 'text', value: (r) => r.scopeName },
      { key: 'horizon', header: 'Horizon (days)', kind: 'count', value: (r) => r.horizon },
      { key: 'method', header: 'Method', kind: 'text', value: (r) => r.method },
      { key: 'rank', header: 'Rank', kind: 'count', value: (r) => r.rank },
      { key: 'wape', header: 'WAPE', kind: 'ratio', value: (r) => r.wape },
      { key: 'mape', header: 'MAPE', kind: 'ratio', value: (r) => r.mape },
      { key: 'bias', header: 'Bias', kind: 'ratio', value: (r) => r.bias },
      { key: 'coverage', header: 'P10–P90 coverage', kind: 'ratio', value: (r) => r.coverage },
      { key: 'pinball', header: 'Pinball', kind: 'number', value: (r) => r.pinball },
      { key: 'mase', header: 'MASE', kind: 'number', value: (r) => r.mase },
    ];
    const rows = [...accuracy].sort(
      (a, b) => a.scopeName.localeCompare(b.scopeName) || a.horizon - b.horizon || (a.rank ?? 99) - (b.rank ?? 99),
    );
    const notes = best.map(
      (b) =>
        `Most accurate for ${b.scopeName} at ${b.horizon} days: ${b.method} (WAPE ${b.wape === null ? '—' : `${(100 * b.wape).toFixed(1)}%`}).`,
    );
    await presentResult(
      this,
      { ...loaded, period: { ...period, label: backtest.periods.join(', ') } },
      { columns, rows },
      result,
      flags,
      `Forecast accuracy over ${backtest.periods.length} periods`,
      notes,
    );
    return result;
  }
}
