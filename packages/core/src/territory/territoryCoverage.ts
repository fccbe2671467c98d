import { addDays, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import { dealFactsAsOf, performanceSumsBy, quotaInPeriod, territoryQuotaInPeriod } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { gini, ratio } from '../stats/index.js';
import { territoryAssignment } from './territoryAssignment.js';

/** Days before the as-of date within which an account activity makes the account covered. */
export const COVERAGE_ACTIVITY_DAYS = 90;

/** One territory's row of metrics.md "Territory coverage". Money in corporate units. */
export interface TerritoryCoverage {
  readonly territoryId: string;
  readonly name: string;
  readonly accounts: number;
  readonly reps: number;
  readonly coveredAccounts: number;
  readonly whitespaceAccounts: number;
  readonly openPipeline: number;
  readonly closedWon: number;
  readonly quota: number | null;
  readonly coverage: number | null;
  readonly potential: number;
}

export interface TerritoryCoverageReport {
  readonly period: { readonly label: string; readonly start: IsoDate; readonly end: IsoDate };
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly mode: 'territory-management' | 'account-field';
  /** The Account field territories were taken from (account-field mode, e.g. BillingState), else null. */
  readonly territoryField: string | null;
  /** Territory quotas from ForecastingQuota, or each rep's quota split evenly over the rep's territories. */
  readonly quotaSource: 'territory' | 'split-rep-quota';
  readonly territories: readonly TerritoryCoverage[];
  /** Deals no territory can be attributed to. */
  readonly unassigned: { readonly openPipeline: number; readonly closedWon: number };
  readonly balance: {
    /** Gini of potential per rep across the territories that have reps (0 = even). */
    readonly potentialPerRep: number | null;
    /** Gini of accounts per rep across the territories that have reps. */
    readonly accountsPerRep: number | null;
  };
  readonly gaps: {
    /** Territories with accounts and no active rep. */
    readonly territoriesWithoutRep: ReadonlyArray<{ readonly id: string; readonly name: string }>;
    readonly accountsWithoutTerritory: ReadonlyArray<{ readonly id: string; readonly name: string }>;
    /** Active reps with a quota in the period and no territory. */
    readonly repsWithoutTerritory: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  };
}

export interface TerritoryCoverageOptions {
  readonly period: FiscalPeriod;
  readonly asOf: IsoDate;
  /** Take territories from this Account field instead of Enterprise Territory Management. */
  readonly territoryField?: string;
}

/**
 * Territory coverage (metrics.md "Territory coverage"): per territory of the active model (or per value of an
 * Account field), accounts, reps, covered and whitespace accounts, attributed pipeline and bookings, quota,
 * coverage and potential; the balance of potential and accounts per rep; and the gaps.
 *
 * @example
 * territoryCoverage(snapshot, { period, asOf: '2026-11-16' }).gaps.territoriesWithoutRep;
 */
export function territoryCoverage(snapshot: OrgSnapshot, options: TerritoryCoverageOptions): TerritoryCoverageReport {
  const { period, asOf } = options;
  const assignment = territoryAssignment(snapshot, options.territoryField);
  const { sums } = performanceSumsBy(snapshot, options, (f) => assignment.territoryOfDeal(f.opportunity) ?? '');
  const unassignedSums = sums.get('');

  const useTerritoryQuotas = assignment.mode === 'territory-management' && snapshot.territoryQuotas.size > 0;
  const splitQuotaCents = new Map<string, number>();
  const repsWithoutTerritory: Array<{ id: string; name: string }> = [];
  for (const user of snapshot.data.users) {
    const quota = quotaInPeriod(snapshot, user.Id, period);
    if (quota === null || !user.IsActive) continue;
    const covered = assignment.territoriesOfRep(user.Id);
    if (covered.length === 0) repsWithoutTerritory.push({ id: user.Id, name: user.Name });
    for (const territoryId of covered) {
      splitQuotaCents.set(territoryId, (splitQuotaCents.get(territoryId) ?? 0) + quota / covered.length);
    }
  }

  const accountsWithOpenDeal = new Set<string>();
  for (const fact of dealFactsAsOf(snapshot, asOf)) {
    if (!fact.isClosed && fact.opportunity.AccountId !== null) accountsWithOpenDeal.add(fact.opportunity.AccountId);
  }
  const activitySince = addDays(asOf, -COVERAGE_ACTIVITY_DAYS);

  const territories: TerritoryCoverage[] = assignment.territories.map(({ id, name }) => {
    const accountIds = assignment.accountsOf(id);
    let covered = 0;
    let potential = 0;
    for (const accountId of accountIds) {
      const account = snapshot.accountsById.get(accountId);
      potential += account?.AnnualRevenue ?? 0;
      const activity = account?.LastActivityDate ?? null;
      if (accountsWithOpenDeal.has(accountId) || (activity !== null && activity >= activitySince && activity <= asOf)) {
        covered++;
      }
    }
    const s = sums.get(id);
    const closedWonCents = s?.closedWonCents ?? 0;
    const quotaCents = useTerritoryQuotas
      ? territoryQuotaInPeriod(snapshot, id, period)
      : splitQuotaCents.has(id)
        ? Math.round(splitQuotaCents.get(id) as number)
        : null;
    const remainingCents = quotaCents === null ? null : Math.max(quotaCents - closedWonCents, 0);
    return {
      territoryId: id,
      name,
      accounts: accountIds.length,
      reps: assignment.repsOf(id).length,
      coveredAccounts: covered,
      whitespaceAccounts: accountIds.length - covered,
      openPipeline: (s?.openPipelineCents ?? 0) / 100,
      closedWon: closedWonCents / 100,
      quota: quotaCents === null ? null : quotaCents / 100,
      coverage: ratio(s?.openPipelineCents ?? 0, remainingCents),
      potential,
    };
  });

  const staffed = territories.filter((t) => t.reps > 0);
  return {
    period: { label: period.label, start: period.start, end: period.end },
    asOf,
    currency: snapshot.corporateCurrency,
    mode: assignment.mode,
    territoryField: assignment.field,
    quotaSource: useTerritoryQuotas ? 'territory' : 'split-rep-quota',
    territories,
    unassigned: {
      openPipeline: (unassignedSums?.openPipelineCents ?? 0) / 100,
      closedWon: (unassignedSums?.closedWonCents ?? 0) / 100,
    },
    balance: {
      potentialPerRep: gini(staffed.map((t) => t.potential / t.reps)),
      accountsPerRep: gini(staffed.map((t) => t.accounts / t.reps)),
    },
    gaps: {
      territoriesWithoutRep: territories
        .filter((t) => t.reps === 0 && t.accounts > 0)
        .map((t) => ({ id: t.territoryId, name: t.name })),
      accountsWithoutTerritory: snapshot.data.accounts
        .filter((a) => assignment.accountTerritories(a.Id).length === 0)
        .map((a) => ({ id: a.Id, name: a.Name })),
      repsWithoutTerritory,
    },
  };
}
