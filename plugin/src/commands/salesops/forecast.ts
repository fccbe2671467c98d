import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import {
  computeForecastWith,
  ADDITIVE_METHODS,
  FORECAST_METHODS,
  forecastRollup,
  forecastScopes,
  scopePlacement,
  ratio,
  scopeQuotas,
  forecastRecords,
  paceAndCoverage,
  pipelineToAdd,
  scopePaceAndCoverage,
  activeUserIds,
  ownedByRep,
  type AutoBasis,
  type BacktestSkippedPeriod,
  type BoundedSide,
  type ForecastMethod,
  type ForecastScopeType,
  type ForecastReport,
  type Reconciliation,
  type ScopeForecast,
  type RollupFigures,
} from '@salesops/core';
import { readingFlags } from '../../shared/commonFlags.js';
import { groupByFlag } from '../../shared/forecastFlags.js';
import { autoChoiceText, boundedText, finalText, perScopeText, skippedText } from '../../shared/forecastNotes.js';
import { loadSnapshot } from '../../shared/loadSnapshot.js';
import { monteCarloPool } from '../../shared/monteCarloPool.js';
import { environmentLocale } from '../../shared/formatValue.js';
import { presentResult } from '../../shared/presentResult.js';
import { rollupNotes, totalsLabel } from '../../shared/rollupNotes.js';
import { writeBack, writeFlags, type Written } from '../../shared/writeBack.js';
import { withGlossary } from '../../shared/glossary.js';
import type { Column } from '../../shared/resultTable.js';
import { SalesopsCommand } from '../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.forecast');

export type ForecastRow = {
  scopeType: ForecastScopeType;
  scopeId: string;
  scopeName: string;
  /** Org 0; teams and territories 1 at the top, +1 per level below; reps null. */
  depth: number | null;
  /** The parent team or territory (a rep's innermost team); null at the top. */
  parentId: string | null;
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
  /** The bound the forecast was moved to (closed won; closed won + open non-Omitted pipeline + P90 new business). */
  bounded: BoundedSide;
  bounds: { low: number; high: number };
  /** The period ended on or before the as-of date: every figure is its closed won. */
  final: boolean;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** monteCarlo's mean (additive, unlike its percentiles); null for other methods. */
  mean: number | null;
  /** Forecast / quota. */
  forecastAttainment: number | null;
  /** The scope's performance figures (metrics.md), as `reps compare` and the report give them; null for territories. */
  openPipeline: number | null;
  requiredCoverage: number | null;
  /** Attainment / share of the period elapsed (1 = on track). */
  pace: number | null;
  /** Required coverage × remaining quota − open pipeline, at least 0; null when the quota is met or a figure unknown. */
  pipelineToAdd: number | null;
};

export type SalesopsForecastResult = {
  period: { label: string; start: string; end: string };
  asOf: string;
  currency: string;
  groupBy: ForecastScopeType;
  methods: Array<ForecastMethod | 'auto'>;
  seed: number;
  simulations: number;
  /** The `auto` choice: one for the run (the org's backtest), or per scope; null when auto was not asked. */
  auto: {
    perScope: boolean;
    /** Null per scope (each row names its own). */
    method: ForecastMethod | null;
    basis: AutoBasis | null;
    horizon: number | null;
    daysIntoPeriod: number;
    wape: number | null;
    runnerUp: { method: ForecastMethod; wape: number } | null;
    reason: string;
    /** The backtest's periods: scored, and skipped because they start before the org's first deal. */
    backtest: { scored: string[]; skipped: BacktestSkippedPeriod[]; firstDeal: string | null };
  } | null;
  forecasts: ForecastRow[];
  /** Σ of the top-level rows' additive figures (docs/rollups.md). */
  totals: RollupFigures;
  /** How the totals tie out to the org; null when they agree and no row nests. */
  reconciliation: Reconciliation | null;
  written?: Written;
};

/** The table's columns, most important with the lowest priority (shared/resultTable.ts). */
const COLUMNS: Array<Column<ForecastRow>> = [
  {
    key: 'scopeName',
    term: 'scope',
    kind: 'text',
    value: (r) => `${'  '.repeat(Math.max(0, (r.depth ?? 1) - 1))}${r.scopeName}`,
    priority: 1,
    overflow: 'ellipsis',
  },
  { key: 'quota', kind: 'money', value: (r) => r.quota, priority: 2 },
  { key: 'closedWon', kind: 'money', value: (r) => r.closedWon, priority: 2 },
  { key: 'commit', kind: 'money', value: (r) => r.commit, priority: 4 },
  { key: 'bestCase', kind: 'money', value: (r) => r.bestCase, priority: 5 },
  {
    key: 'method',
    kind: 'text',
    value: (r) => (r.chosenMethod ? `auto → ${r.chosenMethod}` : r.method),
    priority: 3,
  },
  { key: 'forecast', kind: 'money', value: (r) => r.forecast, priority: 1 },
  { key: 'p10', kind: 'money', value: (r) => r.p10, priority: 4 },
  { key: 'p50', kind: 'money', value: (r) => r.p50, priority: 5 },
  { key: 'p90', kind: 'money', value: (r) => r.p90, priority: 4 },
  { key: 'forecastAttainment', kind: 'ratio', value: (r) => r.forecastAttainment, priority: 2 },
];

export default class Forecast extends SalesopsCommand<SalesopsForecastResult> {
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
    'per-scope': Flags.boolean({ default: false, summary: messages.getMessage('flags.per-scope.summary') }),
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
    const orgScope = forecastScopes(snapshot, ['org'])[0];
    const scopes = forecastScopes(snapshot, [flags['group-by']]);
    const methods = wantsAuto
      ? undefined
      : [...new Set(['commit', 'bestCase', 'pipeline', ...requested] as ForecastMethod[])];
    // The scopes' Monte Carlo draws run in worker threads on a large org; the org's, the largest job, is sent first.
    const pool = monteCarloPool();
    let report: ForecastReport;
    let orgForecast: ScopeForecast | undefined;
    let quotas: ReturnType<typeof scopeQuotas>;
    let figures: ReturnType<typeof paceAndCoverage>;
    try {
      // The threads load the engine while this thread plans the first scope (its once-per-snapshot work).
      pool.startFor(snapshot.data.opportunities.length);
      const orgReport =
        flags['group-by'] === 'org'
          ? Promise.resolve(null)
          : computeForecastWith(pool.run, snapshot, {
              period,
              asOf,
              seed: flags.seed,
              draws: flags.simulations,
              scopes: orgScope ? [orgScope] : [],
              // The methods the scopes have (none without a scope), so that the totals compare like with like.
              methods: scopes.length === 0 ? [] : (methods ?? FORECAST_METHODS),
              backtest: false,
            });
      const scopesReport = computeForecastWith(pool.run, snapshot, {
        period,
        asOf,
        seed: flags.seed,
        draws: flags.simulations,
        scopes,
        perScope: flags['per-scope'],
        ...(methods ? { methods, backtest: false as const } : {}),
      });
      const reports = Promise.all([orgReport, scopesReport]);
      // Every scope is planned and its draws are running: the figures that need no draw are worked out meanwhile.
      quotas = scopeQuotas(snapshot, period, asOf, [flags['group-by'], 'org']);
      figures = paceAndCoverage(snapshot, { period, asOf });
      const [org, all] = await reports;
      report = all;
      orgForecast = (org ?? all).scopes[0];
    } finally {
      await pool.close();
    }
    this.spinner.stop();
    const rollup = orgForecast
      ? forecastRollup(snapshot, report.scopes, orgForecast, quotas)
      : { totals: {}, reconciliation: null };
    const forecasts: ForecastRow[] = [];
    for (const s of report.scopes) {
      const quota = quotas.get(`${s.scope.type}|${s.scope.id}`) ?? null;
      const placement = scopePlacement(snapshot, s.scope);
      const outlook = scopePaceAndCoverage(figures, s.scope);
      for (const method of requested) {
        const f = method === 'auto' ? s.auto : s.methods[method];
        forecasts.push({
          scopeType: s.scope.type,
          scopeId: s.scope.id,
          scopeName: s.scope.name,
          depth: placement.depth,
          parentId: placement.parentId,
          quota,
          closedWon: s.closedWon,
          commit: s.methods.commit?.forecast ?? null,
          bestCase: s.methods.bestCase?.forecast ?? null,
          pipeline: s.methods.pipeline?.forecast ?? null,
          method,
          chosenMethod: method === 'auto' ? (s.auto?.choice.method ?? null) : null,
          reason: method === 'auto' && s.auto ? autoChoiceText(s.auto.choice, report.perScope ? 'scope' : 'run') : null,
          forecast: f?.forecast ?? null,
          bounded: f?.bounded ?? null,
          bounds: { low: s.bounds.low, high: s.bounds.high },
          final: s.final,
          p10: f?.p10 ?? null,
          p50: f?.p50 ?? null,
          p90: f?.p90 ?? null,
          mean: f?.mean ?? null,
          forecastAttainment: ratio(f?.forecast ?? null, quota),
          openPipeline: outlook?.openPipeline ?? null,
          requiredCoverage: outlook?.requiredCoverage ?? null,
          pace: outlook?.pace ?? null,
          pipelineToAdd: outlook ? pipelineToAdd(outlook) : null,
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
      auto: null,
      forecasts,
      totals: rollup.totals,
      reconciliation: rollup.reconciliation,
    };
    const choice = report.auto ?? report.scopes[0]?.auto?.choice;
    if (wantsAuto && report.backtest && choice) {
      result.auto = {
        perScope: report.perScope,
        method: report.auto?.method ?? null,
        basis: report.auto?.basis ?? null,
        horizon: choice.horizon,
        daysIntoPeriod: choice.daysIntoPeriod,
        wape: report.auto?.wape ?? null,
        runnerUp: report.auto?.runnerUp ?? null,
        reason: report.auto ? autoChoiceText(report.auto, 'run') : perScopeText(),
        backtest: {
          scored: [...report.backtest.periods],
          skipped: [...report.backtest.skipped],
          firstDeal: report.backtest.firstDeal,
        },
      };
    }
    result.written = await writeBack(this, flags, 'forecast', this.argv, (runId) => [
      {
        sobject: 'SalesOps_Forecast__c',
        records: ownedByRep(
          forecastRecords(report, { runId, quotas, figures, methods: requested }),
          activeUserIds(snapshot.data.users),
        ),
      },
    ]);
    const notes: string[] = [];
    if (result.auto) notes.push(result.auto.reason);
    if (report.perScope && flags['group-by'] === 'org') {
      notes.push(...forecasts.filter((f) => f.reason).map((f) => `auto: ${f.reason ?? ''}`));
    }
    const skipped = report.backtest ? skippedText(report.backtest.skipped, report.backtest.firstDeal) : null;
    if (skipped) notes.push(skipped);
    if (report.scopes.some((s) => s.final)) notes.push(finalText(report.period.label, asOf));
    const moved = forecasts
      .filter((f) => f.bounded)
      .map((f) => `${f.scopeName} ${f.chosenMethod ?? f.method} (${f.bounded ?? ''})`);
    if (moved.length > 0) notes.push(boundedText(moved));
    // The totals row: additive figures only; a method's forecast when it adds up (not timeSeries, whose fits are per
    // scope; monteCarlo by its mean, its point forecast; auto per scope may mix methods), never percentiles.
    const t = rollup.totals;
    const single = requested.length === 1 ? requested[0] : undefined;
    const method = single === 'auto' ? (report.perScope ? undefined : report.auto?.method) : single;
    const summed =
      method !== undefined && ADDITIVE_METHODS.includes(method)
        ? (t[method === 'monteCarlo' ? 'monteCarloMean' : method] ?? null)
        : null;
    const totals =
      flags['group-by'] === 'org'
        ? undefined
        : {
            scopeName: totalsLabel(flags['group-by']),
            quota: t['quota'] ?? null,
            closedWon: t['closedWon'] ?? null,
            commit: t['commit'] ?? null,
            bestCase: t['bestCase'] ?? null,
            forecast: summed,
            forecastAttainment: ratio(summed, t['quota'] ?? null),
          };
    if (flags['group-by'] !== 'org') {
      notes.push(
        ...rollupNotes(
          rollup.reconciliation,
          { currency: report.currency, locale: environmentLocale() },
          { percentiles: forecasts.some((f) => f.p50 !== null) },
        ),
      );
    }
    await presentResult(
      this,
      loaded,
      { columns: COLUMNS, rows: forecasts, ...(totals ? { totals } : {}) },
      result,
      flags,
      `Forecast by ${flags['group-by']}`,
      notes,
    );
    return result;
  }
}
