import {
  backtestForecasts,
  compareReps,
  computeForecast,
  computePerformance,
  forecastScopes,
  pipelineHygiene,
  productDemand,
  ratio,
  scopeQuotas,
  territoryCoverage,
  type FamilyDemand,
  type FiscalPeriod,
  type HygieneRule,
  type OrgSnapshot,
  type RepComparison,
  type TerritoryCoverageReport,
} from '@salesops/core';

export type ActionItem =
  | { kind: 'forecastGap'; scope: string; share: number; p50: number; quota: number }
  | { kind: 'lowCoverage'; scope: string; coverage: number; required: number }
  | { kind: 'bottleneck'; rep: string; stage: string; rate: number; peerRate: number }
  | { kind: 'territoryWithoutRep'; territory: string }
  | { kind: 'pushed'; owner: string; deals: number; amount: number }
  | { kind: 'bottom'; rep: string; attainment: number | null };

/** Everything the S&OP pack shows, computed once; the renderers only format it. */
export interface ReportData {
  readonly period: { label: string; start: string; end: string };
  readonly asOf: string;
  readonly currency: string;
  readonly organization: string;
  readonly kpis: Array<{
    period: string;
    quota: number | null;
    closedWon: number;
    attainment: number | null;
    winRate: number | null;
    pipelineCreated: number;
    openPipeline: number;
  }>;
  readonly forecasts: Array<{
    scope: string;
    quota: number | null;
    closedWon: number;
    commit: number | null;
    bestCase: number | null;
    weighted: number | null;
    p10: number | null;
    p50: number | null;
    p90: number | null;
  }>;
  readonly accuracy: Array<{
    method: string;
    wape: number | null;
    bias: number | null;
    coverage: number | null;
    rank: number | null;
  }>;
  readonly reps: Array<{
    name: string;
    attainment: number | null;
    winRate: number | null;
    openPipeline: number;
    flags: string[];
  }>;
  readonly territories: TerritoryCoverageReport;
  readonly hygiene: {
    counts: Array<{ rule: HygieneRule; deals: number }>;
    owners: Array<{ owner: string; deals: number; flags: number; amount: number }>;
  };
  readonly demand: FamilyDemand[];
  readonly actions: ActionItem[];
  /** What the data lacks and what that costs, as the command warned (stderr and `--json`), in the same words. */
  readonly warnings?: ReadonlyArray<{ code: string; message: string; affects: readonly string[] }>;
}

/** Computes the S&OP pack for a period as of a date: KPIs of this and the 3 previous periods, then every section. */
export function reportData(
  snapshot: OrgSnapshot,
  { period, asOf, seed }: { period: FiscalPeriod; asOf: string; seed: number },
): ReportData {
  const periods = [...snapshot.calendar.previousPeriods(period, 3).reverse(), period];
  const kpis = periods.map((p) => {
    const org = computePerformance(snapshot, { period: p, asOf }).org;
    return {
      period: p.label,
      quota: org.quota,
      closedWon: org.closedWon,
      attainment: org.attainment,
      winRate: org.winRate,
      pipelineCreated: org.pipelineCreated,
      openPipeline: org.openPipeline,
    };
  });
  const performance = computePerformance(snapshot, { period, asOf });
  const quotas = scopeQuotas(snapshot, period, asOf);
  const scopes = forecastScopes(snapshot, ['org', 'team']).filter(
    (s) => s.type === 'org' || (quotas.get(`team|${s.id}`) ?? null) !== null,
  );
  const forecast = computeForecast(snapshot, {
    period,
    asOf,
    seed,
    scopes,
    methods: ['commit', 'bestCase', 'weighted', 'monteCarlo'],
    backtest: false,
  });
  const forecasts = forecast.scopes.map((s) => ({
    scope: s.scope.name,
    quota: quotas.get(`${s.scope.type}|${s.scope.id}`) ?? null,
    closedWon: s.closedWon,
    commit: s.methods.commit?.forecast ?? null,
    bestCase: s.methods.bestCase?.forecast ?? null,
    weighted: s.methods.weighted?.forecast ?? null,
    p10: s.methods.monteCarlo?.p10 ?? null,
    p50: s.methods.monteCarlo?.p50 ?? null,
    p90: s.methods.monteCarlo?.p90 ?? null,
  }));
  const backtest = backtestForecasts(snapshot, {
    asOf,
    seed,
    periods: 4,
    horizons: [30],
    scopes: forecastScopes(snapshot, ['org']),
    periodType: period.type === 'Month' || period.type === 'Year' ? period.type : 'Quarter',
  });
  const accuracy = backtest.summaries
    .map((s) => ({
      method: s.method,
      wape: s.metrics.wape,
      bias: s.metrics.bias,
      coverage: s.metrics.coverage,
      rank: s.rank,
    }))
    .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  const comparison: RepComparison[] = compareReps(snapshot, performance, { period, asOf });
  const ranked = comparison
    .filter((c) => c.performance.attainment !== null)
    .sort((a, b) => (b.performance.attainment ?? 0) - (a.performance.attainment ?? 0));
  const shown = ranked.length <= 10 ? ranked : [...ranked.slice(0, 5), ...ranked.slice(-5)];
  const reps = shown.map((c) => ({
    name: c.name,
    attainment: c.performance.attainment,
    winRate: c.performance.winRate,
    openPipeline: c.performance.openPipeline,
    flags: [...c.flags, ...c.bottlenecks.map((b) => b.stage)],
  }));
  const territories = territoryCoverage(snapshot, { period, asOf });
  const hygieneReport = pipelineHygiene(snapshot, { period, asOf });
  const hygiene = {
    counts: (Object.entries(hygieneReport.counts) as Array<[HygieneRule, number]>)
      .map(([rule, deals]) => ({ rule, deals }))
      .filter((c) => c.deals > 0),
    owners: hygieneReport.owners
      .slice(0, 10)
      .map((o) => ({ owner: o.ownerName, deals: o.deals, flags: o.flags, amount: o.amount })),
  };
  const demand = productDemand(snapshot, { period, asOf });

  const actions: ActionItem[] = [];
  for (const f of forecasts) {
    const share = ratio(f.p50, f.quota);
    if (share !== null && f.quota !== null && f.p50 !== null && share < 0.9)
      actions.push({ kind: 'forecastGap', scope: f.scope, share, p50: f.p50, quota: f.quota });
  }
  for (const team of performance.teams) {
    if (
      team.coverage !== null &&
      team.requiredCoverage !== null &&
      team.coverage < team.requiredCoverage &&
      team.reps > 0
    ) {
      actions.push({
        kind: 'lowCoverage',
        scope: team.name,
        coverage: team.coverage,
        required: team.requiredCoverage,
      });
    }
  }
  for (const c of comparison)
    for (const b of c.bottlenecks)
      actions.push({ kind: 'bottleneck', rep: c.name, stage: b.stage, rate: b.rate, peerRate: b.peerRate });
  for (const c of comparison)
    if (c.flags.includes('bottom')) actions.push({ kind: 'bottom', rep: c.name, attainment: c.performance.attainment });
  for (const t of territories.gaps.territoriesWithoutRep)
    actions.push({ kind: 'territoryWithoutRep', territory: t.name });
  const pushedByOwner = new Map<string, { deals: number; amount: number }>();
  for (const d of hygieneReport.deals) {
    if (!d.flags.some((f) => f.rule === 'PUSHED')) continue;
    const e = pushedByOwner.get(d.ownerName) ?? { deals: 0, amount: 0 };
    e.deals++;
    e.amount += d.amount ?? 0;
    pushedByOwner.set(d.ownerName, e);
  }
  for (const [owner, e] of [...pushedByOwner].sort((a, b) => b[1].amount - a[1].amount).slice(0, 5))
    actions.push({ kind: 'pushed', owner, ...e });

  return {
    period: { label: period.label, start: period.start, end: period.end },
    asOf,
    currency: snapshot.corporateCurrency,
    organization: snapshot.data.organization.Name ?? snapshot.data.organization.Id,
    kpis,
    forecasts,
    accuracy,
    reps,
    territories,
    hygiene,
    demand,
    actions,
  };
}
