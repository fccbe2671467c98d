import {
  addDays,
  compareReps,
  computePerformance,
  pipelineChanges,
  pipelineHygiene,
  productDemand,
  quarterToDate,
  runMonteCarloJob,
  territoryCoverage,
  waterfallSteps,
  type FiscalPeriod,
  type HygieneRule,
  type MonteCarloRunner,
  type OrgSnapshot,
} from '@salesops/core';
import { reportActions } from './reportActions.js';
import { accuracyOf, headlineOf, runForecast, scopeFigures } from './reportForecast.js';
import { rankReps } from './reportReps.js';
import { revopsData } from './reportRevops.js';
import type { RepRow, ReportData } from './reportTypes.js';

export type { ReportData } from './reportTypes.js';

/** Periods of the KPI table and the bookings trend: this one and the 5 before it. */
const KPI_PERIODS = 6;
/** Owners the hygiene table names (worst first); the rest are in the CSV outputs. */
export const HYGIENE_OWNERS_SHOWN = 10;

/**
 * Computes the S&OP pack for a period as of a date, each figure once: the run's forecast as `sf salesops forecast`
 * computes it, KPIs of this and the previous periods, the waterfall since the period began, and every section.
 * `all` holds the full lists the CSV outputs carry (the pack itself shows the top and bottom only).
 */
export async function reportData(
  snapshot: OrgSnapshot,
  { period, asOf, seed }: { period: FiscalPeriod; asOf: string; seed: number },
  // Where the forecast's Monte Carlo draws run (see monteCarloPool); by default here.
  runMonteCarlo: MonteCarloRunner = (job) => Promise.resolve(runMonteCarloJob(job)),
): Promise<{ data: ReportData; all: { reps: RepRow[] } }> {
  const periods = [...snapshot.calendar.previousPeriods(period, KPI_PERIODS - 1).reverse(), period];
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
  const forecast = await runForecast(runMonteCarlo, snapshot, { period, asOf, seed });
  const { org, teams } = scopeFigures(snapshot, forecast, performance, { period, asOf });
  const comparison = compareReps(snapshot, performance, { period, asOf });
  const { reps, all } = rankReps(comparison);
  const territories = territoryCoverage(snapshot, { period, asOf });
  const hygieneReport = pipelineHygiene(snapshot, { period, asOf });
  // The waterfall since the day before the period began (changes made on its first day count), up to the as-of date.
  const dayBefore = addDays(period.start, -1);
  const since = dayBefore < asOf ? dayBefore : asOf;
  const changes = pipelineChanges(snapshot, { period, since, asOf });
  const data: ReportData = {
    period: { label: period.label, start: period.start, end: period.end },
    asOf,
    currency: snapshot.corporateCurrency,
    organization: snapshot.data.organization.Name ?? snapshot.data.organization.Id,
    headline: headlineOf(forecast, org.quota),
    quarterToDate: quarterToDate(snapshot, asOf),
    org,
    teams,
    kpis,
    ...accuracyOf(forecast),
    waterfall: { since, steps: waterfallSteps(changes.org) },
    reps,
    territories,
    hygiene: {
      checked: hygieneReport.checked,
      counts: (Object.entries(hygieneReport.counts) as Array<[HygieneRule, number]>)
        .map(([rule, deals]) => ({ rule, deals }))
        .filter((c) => c.deals > 0),
      owners: hygieneReport.owners
        .slice(0, HYGIENE_OWNERS_SHOWN)
        .map((o) => ({ owner: o.ownerName, deals: o.deals, flags: o.flags, amount: o.amount })),
      ownersTotal: hygieneReport.owners.length,
    },
    demand: productDemand(snapshot, { period, asOf }),
    ...revopsData(snapshot, { period, asOf }),
    actions: reportActions({ org, teams, comparison, territories, hygiene: hygieneReport }),
  };
  return { data, all: { reps: all } };
}
