import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import {
  computeForecast,
  FORECAST_METHODS,
  forecastScopes,
  ratio,
  scopeQuotas,
  forecastRecords,
  type ForecastMethod,
  type ForecastScopeType,
} from '@salesops/core';
import { readingFlags } from '../../shared/commonFlags.js';
import { groupByFlag } from '../../shared/forecastFlags.js';
import { loadSnapshot } from '../../shared/loadSnapshot.js';
import { presentResult } from '../../shared/presentResult.js';
import { writeBack, writeFlags, type Written } from '../../shared/writeBack.js';
import type { Column } from '../../shared/resultTable.js';
import { SalesopsCommand } from '../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.forecast');

export type ForecastRow = {
  scopeType: ForecastScopeType;
  scopeId: string;
  scopeName: string;
  quota: number | null;
  closedWon: number;
  commit: number | null;
  bestCase: number | null;
  pipeline: number | null;
  method: ForecastMethod | 'auto';
  /** For `auto`: the method it chose, and why. */
  chosenMethod: ForecastMethod | null;
  reason: string | null;
  forecast: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** Forecast / quota. */
  forecastAttainment: number | null;
};

export type SalesopsForecastResult = {
  period: { label: string; start: string; end: string };
  asOf: string;
  currency: string;
  groupBy: ForecastScopeType;
  methods: Array<ForecastMethod | 'auto'>;
  seed: number;
  simulations: number;
  forecasts: ForecastRow[];
  written?: Written;
};

export default class Forecast extends SalesopsCommand<SalesopsForecastResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    ...writeFlags,
    'group-by': groupByFlag,
    method: Flags.string({
      char: 'm',
      // Repeated (`--method commit --method weighted`) or comma-separated: split here, not with oclif's `delimiter`,
      // which makes the Salesforce CLI warn about the "changed input format" on every comma in the command line.
      multiple: true,
      default: ['auto'],
      summary: messages.getMessage('flags.method.summary'),
    }),
    simulations: Flags.integer({
      min: 10_000,
      default: 10_000,
      summary: messages.getMessage('flags.simulations.summary'),
    }),
    seed: Flags.integer({ default: 42, summary: messages.getMessage('flags.seed.summary') }),
  };

  public async run(): Promise<SalesopsForecastResult> {
    const { flags: parsed } = await this.parse(Forecast);
    const flags = { ...parsed, method: parsed.method.flatMap((m) => m.split(',')).filter((m) => m !== '') };
    const known = new Set<string>([...FORECAST_METHODS, 'auto', 'all']);
    for (const m of flags.method) if (!known.has(m)) throw messages.createError('error.BadMethod', [m]);
    const requested: Array<ForecastMethod | 'auto'> = flags.method.includes('all')
      ? [...FORECAST_METHODS, 'auto']
      : [...new Set(flags.method as Array<ForecastMethod | 'auto'>)];
    const loaded = await loadSnapshot(flags, this.spinner);
    const { snapshot, period, asOf } = loaded;
    const wantsAuto = requested.includes('auto');
    // Monte Carlo draws and, for auto, a backtest of every method: seconds on a large org.
    this.spinner.start(messages.getMessage('spinner.Forecasting', [flags.simulations]));
    const report = computeForecast(snapshot, {
      period,
      asOf,
      seed: flags.seed,
      draws: flags.simulations,
      scopes: forecastScopes(snapshot, [flags['group-by']]),
      ...(wantsAuto
        ? {}
        : {
            methods: [...new Set(['commit', 'bestCase', 'pipeline', ...requested] as ForecastMethod[])],
            backtest: false as const,
          }),
    });
    this.spinner.stop();
    const quotas = scopeQuotas(snapshot, period, asOf);
    const forecasts: ForecastRow[] = [];
    for (const s of report.scopes) {
      const quota = quotas.get(`${s.scope.type}|${s.scope.id}`) ?? null;
      for (const method of requested) {
        const f = method === 'auto' ? s.auto : s.methods[method];
        forecasts.push({
          scopeType: s.scope.type,
          scopeId: s.scope.id,
          scopeName: s.scope.name,
          quota,
          closedWon: s.closedWon,
          commit: s.methods.commit?.forecast ?? null,
          bestCase: s.methods.bestCase?.forecast ?? null,
          pipeline: s.methods.pipeline?.forecast ?? null,
          method,
          chosenMethod: method === 'auto' ? (s.auto?.choice.method ?? null) : null,
          reason: method === 'auto' ? (s.auto?.choice.reason ?? null) : null,
          forecast: f?.forecast ?? null,
          p10: f?.p10 ?? null,
          p50: f?.p50 ?? null,
          p90: f?.p90 ?? null,
          forecastAttainment: ratio(f?.forecast ?? null, quota),
        });
      }
    }
    const result: SalesopsForecastResult = {
      period: report.period,
      asOf,
      currency: report.currency,
      groupBy: flags['group-by'],
      methods: requested,
      seed: flags.seed,
      simulations: flags.simulations,
      forecasts,
    };
    const columns: Array<Column<ForecastRow>> = [
      { key: 'scopeName', header: 'Scope', kind: 'text', value: (r) => r.scopeName },
      { key: 'quota', header: 'Quota', kind: 'money', value: (r) => r.quota },
      { key: 'closedWon', header: 'Closed won', kind: 'money', value: (r) => r.closedWon },
      { key: 'commit', header: 'Commit', kind: 'money', value: (r) => r.commit },
      { key: 'bestCase', header: 'Best case', kind: 'money', value: (r) => r.bestCase },
      {
        key: 'method',
        header: 'Method',
        kind: 'text',
        value: (r) => (r.chosenMethod ? `auto → ${r.chosenMethod}` : r.method),
      },
      { key: 'forecast', header: 'Forecast', kind: 'money', value: (r) => r.forecast },
      { key: 'p10', header: 'P10', kind: 'money', value: (r) => r.p10 },
      { key: 'p50', header: 'P50', kind: 'money', value: (r) => r.p50 },
      { key: 'p90', header: 'P90', kind: 'money', value: (r) => r.p90 },
      { key: 'forecastAttainment', header: 'vs quota', kind: 'ratio', value: (r) => r.forecastAttainment },
    ];
    result.written = await writeBack(this, flags, 'forecast', this.argv, (runId) => [
      { sobject: 'SalesOps_Forecast__c', records: forecastRecords(report, { runId, quotas, methods: requested }) },
    ]);
    const reasons =
      wantsAuto && flags['group-by'] === 'org'
        ? forecasts.filter((f) => f.reason).map((f) => `auto: ${f.reason ?? ''}`)
        : [];
    await presentResult(
      this,
      loaded,
      { columns, rows: forecasts },
      result,
      flags,
      `Forecast by ${flags['group-by']}`,
      reasons,
    );
    return result;
  }
}
