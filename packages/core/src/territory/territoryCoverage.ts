import { addDays, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import { dealFactsAsOf, performanceSumsBy, quotaInPeriod, territoryQuotaInPeriod } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import {
  rollupTotals,
  type Reconciliation,
  type ReconciliationReason,
  type RollupFigures,
} from '../hierarchy/index.js';
import { gini, ratio } from '../stats/index.js';
import { territoryAssignment } from './territoryAssignment.js';
import { territoryTree } from './territoryTree.js';

/** Days before the as-of date within which an account activity makes the account covered. */
export const COVERAGE_ACTIVITY_DAYS = 90;

/**
 * One territory's row of metrics.md "Territory coverage", over the territory and every territory below it
 * ("Hierarchy and roll-ups"). Money in corporate units.
 */
export interface TerritoryCoverage {
  readonly territoryId: string;
  readonly name: string;
  /** 1 for a top-level territory, its parent's depth + 1 below. */
  readonly depth: number;
  readonly parentId: string | null;
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
  /** Σ of the top-level territories' additive figures (accounts, covered, whitespace, potential, quota, bookings, pipeline). */
  readonly totals: RollupFigures;
  /** How the totals tie out to the org's figures; null when they agree and no row nests (docs/rollups.md). */
  readonly reconciliation: Reconciliation | null;
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

  const tree = territoryTree(snapshot, options.territoryField);
  const potentialOf = (accountId: string) => snapshot.accountsById.get(accountId)?.AnnualRevenue ?? 0;
  const isCovered = (accountId: string) => {
    const activity = snapshot.accountsById.get(accountId)?.LastActivityDate ?? null;
    return accountsWithOpenDeal.has(accountId) || (activity !== null && activity >= activitySince && activity <= asOf);
  };
  // A territory's own quota; a territory with none (a parent, under territory quotas) takes the sum of its children's.
  const ownQuotaCents = (id: string): number | null =>
    useTerritoryQuotas
      ? territoryQuotaInPeriod(snapshot, id, period)
      : splitQuotaCents.has(id)
        ? (splitQuotaCents.get(id) as number)
        : null;
  const quotaCache = new Map<string, number | null>();
  const quotaOf = (id: string): number | null => {
    if (quotaCache.has(id)) return quotaCache.get(id) as number | null;
    let cents = ownQuotaCents(id);
    if (useTerritoryQuotas ? cents === null : true) {
      // Split rep quotas add up over the subtree; territory quotas are read as covering their subtree.
      for (const child of tree.subtree(id)) {
        if (child === id || tree.parentOf(child) !== id) continue;
        const c = quotaOf(child);
        if (c !== null) cents = (cents ?? 0) + c;
      }
    }
    quotaCache.set(id, cents);
    return cents;
  };

  const territories: TerritoryCoverage[] = tree.ordered.map(({ id, name }) => {
    const subtree = tree.subtree(id);
    const accountIds = new Set<string>();
    const reps = new Set<string>();
    let openPipelineCents = 0;
    let closedWonCents = 0;
    for (const t of subtree) {
      for (const a of assignment.accountsOf(t)) accountIds.add(a);
      for (const r of assignment.repsOf(t)) reps.add(r);
      openPipelineCents += sums.get(t)?.openPipelineCents ?? 0;
      closedWonCents += sums.get(t)?.closedWonCents ?? 0;
    }
    let covered = 0;
    let potential = 0;
    for (const accountId of accountIds) {
      potential += potentialOf(accountId);
      if (isCovered(accountId)) covered++;
    }
    const q = quotaOf(id);
    const quotaCents = q === null ? null : Math.round(q);
    const remainingCents = quotaCents === null ? null : Math.max(quotaCents - closedWonCents, 0);
    return {
      territoryId: id,
      name,
      depth: tree.depthOf(id),
      parentId: tree.parentOf(id),
      accounts: accountIds.size,
      reps: reps.size,
      coveredAccounts: covered,
      whitespaceAccounts: accountIds.size - covered,
      openPipeline: openPipelineCents / 100,
      closedWon: closedWonCents / 100,
      quota: quotaCents === null ? null : quotaCents / 100,
      coverage: ratio(openPipelineCents, remainingCents),
      potential,
    };
  });

  // Balance compares the territories reps are assigned to (their own accounts), not the roll-ups above them.
  const staffed = assignment.territories
    .map(({ id }) => ({ reps: assignment.repsOf(id).length, accounts: assignment.accountsOf(id) }))
    .filter((t) => t.reps > 0)
    .map((t) => ({ reps: t.reps, accounts: t.accounts.length, potential: sumOf(t.accounts, potentialOf) }));
  const rootOf = (id: string): string => {
    let top = id;
    for (let p = tree.parentOf(top); p !== null; p = tree.parentOf(top)) top = p;
    return top;
  };
  const territoriesAtTop = (accountId: string) => new Set(assignment.accountTerritories(accountId).map(rootOf)).size;
  const { totals, reconciliation } = rollupTotals(
    territories.map((t) => ({ figures: coverageFigures(t), topLevel: t.parentId === null })),
    orgCoverageFigures(snapshot, options, isCovered, potentialOf),
    (difference) => {
      const reasons: ReconciliationReason[] = [];
      const accountsWithout = snapshot.data.accounts.some((a) => assignment.accountTerritories(a.Id).length === 0);
      if (unassignedSums && (unassignedSums.openPipelineCents !== 0 || unassignedSums.closedWonCents !== 0))
        reasons.push('UNASSIGNED_DEALS');
      if (difference['accounts'] !== 0 && accountsWithout) reasons.push('ACCOUNTS_WITHOUT_TERRITORY');
      if (difference['accounts'] !== 0 && snapshot.data.accounts.some((a) => territoriesAtTop(a.Id) > 1))
        reasons.push('ACCOUNTS_IN_SEVERAL_TERRITORIES');
      if (difference['quota'] !== 0) {
        reasons.push(useTerritoryQuotas ? 'TERRITORY_QUOTAS' : 'REPS_WITHOUT_TERRITORY');
      }
      return reasons;
    },
  );
  return {
    period: { label: period.label, start: period.start, end: period.end },
    asOf,
    currency: snapshot.corporateCurrency,
    mode: assignment.mode,
    territoryField: assignment.field,
    quotaSource: useTerritoryQuotas ? 'territory' : 'split-rep-quota',
    territories,
    totals,
    reconciliation,
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

function sumOf<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

/** The additive figures of a coverage row (accounts and money), for the totals row. */
function coverageFigures(t: TerritoryCoverage): RollupFigures {
  return {
    accounts: t.accounts,
    coveredAccounts: t.coveredAccounts,
    whitespaceAccounts: t.whitespaceAccounts,
    potential: t.potential,
    quota: t.quota,
    closedWon: t.closedWon,
    openPipeline: t.openPipeline,
  };
}

/** The same figures for the whole org: every account and deal, and the quotas of every rep. */
function orgCoverageFigures(
  snapshot: OrgSnapshot,
  { period, asOf }: TerritoryCoverageOptions,
  isCovered: (accountId: string) => boolean,
  potentialOf: (accountId: string) => number,
): RollupFigures {
  const { sums } = performanceSumsBy(snapshot, { period, asOf }, () => 'org');
  const s = sums.get('org');
  let quota: number | null = null;
  for (const user of snapshot.data.users) {
    const q = quotaInPeriod(snapshot, user.Id, period);
    if (q !== null) quota = (quota ?? 0) + q;
  }
  const accounts = snapshot.data.accounts.map((a) => a.Id);
  const covered = accounts.filter(isCovered).length;
  return {
    accounts: accounts.length,
    coveredAccounts: covered,
    whitespaceAccounts: accounts.length - covered,
    potential: sumOf(accounts, potentialOf),
    quota: quota === null ? null : quota / 100,
    closedWon: (s?.closedWonCents ?? 0) / 100,
    openPipeline: (s?.openPipelineCents ?? 0) / 100,
  };
}
