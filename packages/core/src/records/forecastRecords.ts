import type {
  BacktestReport,
  ForecastMethod,
  ForecastReport,
  ForecastScope,
  ForecastScopeType,
} from '../forecast/index.js';
import type { FiscalCalendar, FiscalPeriod, IsoDate } from '../calendar/index.js';
import { ForecastAccuracyRecord, ForecastRecord } from '../model/index.js';
import { quotaRollup, type PaceAndCoverage, type PaceAndCoverageFigures } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { territoryCoverage } from '../territory/index.js';
import { resultKey } from './resultKey.js';
import { runFields } from './runFields.js';
import { roundTo } from './roundTo.js';

const SCOPE_TYPE_LABEL = { rep: 'Rep', team: 'Team', territory: 'Territory', org: 'Org' } as const;

/**
 * The quota of the forecast scopes of `types` for a period (reps, teams and the org as `computePerformance` reports
 * them, from `quotaRollup`: no deal is replayed; territories from territory coverage), keyed `type|id`.
 *
 * @example
 * scopeQuotas(snapshot, period, '2026-11-16').get(`rep|${repId}`);
 */
export function scopeQuotas(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  types: readonly ForecastScopeType[] = ['rep', 'team', 'territory', 'org'],
): Map<string, number | null> {
  const rollup = quotaRollup(snapshot, period);
  const units = (cents: number | null | undefined) => (cents === null || cents === undefined ? null : cents / 100);
  const quotas = new Map<string, number | null>();
  if (types.includes('rep')) for (const [repId, cents] of rollup.byRep) quotas.set(`rep|${repId}`, units(cents));
  if (types.includes('team')) for (const [teamId, cents] of rollup.byTeam) quotas.set(`team|${teamId}`, units(cents));
  if (types.includes('territory')) {
    for (const territory of territoryCoverage(snapshot, { period, asOf }).territories) {
      quotas.set(`territory|${territory.territoryId}`, territory.quota);
    }
  }
  if (types.includes('org')) quotas.set(`org|${snapshot.data.organization.Id}`, units(rollup.org));
  return quotas;
}

/**
 * A forecast scope's pace and coverage figures (`paceAndCoverage`: the rep's, team's or org's of `computePerformance`);
 * null for a territory, whose required coverage and pace no command computes.
 *
 * @example
 * scopePaceAndCoverage(paceAndCoverage(snapshot, { period, asOf }), scope)?.pace;
 */
export function scopePaceAndCoverage(figures: PaceAndCoverage, scope: ForecastScope): PaceAndCoverageFigures | null {
  if (scope.type === 'rep') return figures.rep(scope.id);
  if (scope.type === 'team') return figures.byTeam.get(scope.id) ?? null;
  return scope.type === 'org' ? figures.org : null;
}

function scopeFields(scope: ForecastScope) {
  return {
    Scope_Type__c: SCOPE_TYPE_LABEL[scope.type],
    Scope_Id__c: scope.id,
    Scope_Name__c: scope.name.slice(0, 255),
    Rep__c: scope.type === 'rep' ? scope.id : null,
  };
}

/**
 * One `SalesOps_Forecast__c` record per scope and method (and one for `auto`), keyed by period, as-of date, scope
 * and method, so a rerun for the same date updates and a new date adds a point to the history.
 *
 * @example
 * forecastRecords(report, { runId, quotas: scopeQuotas(snapshot, period, asOf), figures: paceAndCoverage(snapshot, { period, asOf }) });
 */
export function forecastRecords(
  report: ForecastReport,
  {
    runId,
    quotas,
    figures,
    methods: only,
  }: {
    runId: string;
    quotas: ReadonlyMap<string, number | null>;
    /** Pace, open pipeline and required coverage of the rep, team and org scopes. */
    figures: PaceAndCoverage;
    /** The methods to store (default: every method computed, and `auto`). */
    methods?: ReadonlyArray<ForecastMethod | 'auto'>;
  },
): ForecastRecord[] {
  const records: ForecastRecord[] = [];
  for (const scoped of report.scopes) {
    const m = scoped.methods;
    const methods = [...Object.values(m), ...(scoped.auto ? [{ ...scoped.auto, method: 'auto' as const }] : [])];
    const outlook = scopePaceAndCoverage(figures, scoped.scope);
    for (const method of methods) {
      if (!method || (only !== undefined && !only.includes(method.method))) continue;
      records.push(
        ForecastRecord.parse({
          Key__c: resultKey(
            'forecast',
            report.period.label,
            report.asOf,
            scoped.scope.type,
            scoped.scope.id,
            method.method,
          ),
          ...runFields(report, runId),
          Currency__c: report.currency,
          ...scopeFields(scoped.scope),
          Method__c: method.method,
          Quota__c: roundTo(quotas.get(`${scoped.scope.type}|${scoped.scope.id}`) ?? null, 2),
          Closed_Won__c: roundTo(scoped.closedWon, 2),
          Forecast__c: roundTo(method.forecast, 2),
          Commit__c: roundTo(m.commit?.forecast ?? null, 2),
          Best_Case__c: roundTo(m.bestCase?.forecast ?? null, 2),
          Pipeline__c: roundTo(m.pipeline?.forecast ?? null, 2),
          Weighted__c: roundTo(m.weighted?.forecast ?? null, 2),
          P10__c: roundTo(method.p10, 2),
          P50__c: roundTo(method.p50, 2),
          P90__c: roundTo(method.p90, 2),
          Open_Pipeline__c: roundTo(outlook?.openPipeline ?? null, 2),
          Required_Coverage__c: roundTo(outlook?.requiredCoverage ?? null, 6),
          Pace__c: roundTo(outlook?.pace ?? null, 6),
        }),
      );
    }
  }
  return records;
}

/**
 * One `SalesOps_Forecast_Accuracy__c` record per backtest point (scope, period, method, horizon).
 *
 * @example
 * forecastAccuracyRecords(backtest, snapshot.calendar, { runId });
 */
export function forecastAccuracyRecords(
  backtest: BacktestReport,
  calendar: FiscalCalendar,
  { runId }: { runId: string },
): ForecastAccuracyRecord[] {
  return backtest.points.map((point) => {
    const period = calendar.periodByLabel(point.period);
    if (!period) throw new RangeError(`backtest period ${point.period} is not a fiscal period label`);
    return ForecastAccuracyRecord.parse({
      Key__c: resultKey('accuracy', point.period, point.scope.type, point.scope.id, point.method, `h${point.horizon}`),
      Run_Id__c: runId,
      Period_Label__c: point.period,
      Period_Start__c: period.start,
      Period_End__c: period.end,
      As_Of__c: point.madeAsOf,
      ...scopeFields(point.scope),
      Method__c: point.method,
      Horizon_Days__c: point.horizon,
      Forecast__c: roundTo(point.forecast, 2),
      Actual__c: roundTo(point.actual, 2),
      Error__c: roundTo(point.error, 2),
      APE__c: roundTo(point.ape, 6),
      In_Interval__c: point.inInterval,
    });
  });
}
