import { dayNumber, isoDateOfDay, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import { scopeMembers, scopeMembership, type ForecastScope } from '../forecast/index.js';
import type { Opportunity } from '../model/index.js';
import { dealCloseBounds, dealReplay, FINAL_OPEN, type DealFact } from '../performance/index.js';
import {
  forecastCategoryName,
  type DealHistory,
  type DealRecord,
  type ForecastCategoryName,
  type OrgSnapshot,
} from '../snapshot/index.js';
import { changeBucket, CHANGE_BUCKETS, type BucketState, type ChangeBucket } from './changeBucket.js';

/** One state of a deal in the waterfall (as of `since` or as of `asOf`). */
export interface DealChangeState {
  readonly stage: string;
  /** Amount in the deal's currency (null when the deal has none). */
  readonly amount: number | null;
  /** Amount in the corporate currency at the rate of this state's close date, to the cent (null amount: null). */
  readonly amountCorporate: number | null;
  readonly closeDate: IsoDate;
  readonly forecastCategory: ForecastCategoryName | null;
  readonly isClosed: boolean;
  readonly isWon: boolean;
}

/** One OpportunityHistory row behind a deal's bucket. */
export interface DealChangeHistoryRow {
  /** When the change was made (UTC datetime) and its org-local date. */
  readonly createdDate: string;
  readonly date: IsoDate;
  readonly stage: string;
  readonly amount: number | null;
  readonly closeDate: IsoDate | null;
  readonly probability: number | null;
  /** The row's forecast category as a name (`Commit` for the API value `Forecast`). */
  readonly forecastCategory: ForecastCategoryName | null;
}

/** A deal of the waterfall: its bucket, its signed contribution, both states and the history rows between them. */
export interface DealChange {
  readonly opportunityId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly ownerName: string;
  readonly currency: string | null;
  readonly bucket: ChangeBucket;
  /** Contribution to the waterfall in the corporate currency (negative for what left or shrank). */
  readonly change: number;
  /** State as of `since`; null when the deal was created after it. */
  readonly before: DealChangeState | null;
  readonly after: DealChangeState;
  /** The deal's OpportunityHistory rows created after `since`, up to and including `asOf` (org-local days). */
  readonly history: readonly DealChangeHistoryRow[];
}

/** Deals open in the period at both dates whose forecast category changed (shown beside the waterfall). */
export interface CategoryMove {
  readonly from: ForecastCategoryName | null;
  readonly to: ForecastCategoryName | null;
  readonly deals: number;
  /** Σ the deals' values as of `asOf`. */
  readonly amount: number;
}

/** The waterfall of one scope: start + Σ amounts = end, exactly to the cent. */
export interface ScopeWaterfall {
  readonly scope: ForecastScope;
  /** Open pipeline with close date in the period as of `since`. */
  readonly start: number;
  readonly end: number;
  readonly startDeals: number;
  readonly endDeals: number;
  /** Signed change per bucket (`unchanged` is always 0). */
  readonly amounts: Readonly<Record<ChangeBucket, number>>;
  readonly counts: Readonly<Record<ChangeBucket, number>>;
  readonly categoryMoves: readonly CategoryMove[];
}

/** Why the rows' totals differ from the org's (`null` in the report when they do not). */
export interface WaterfallReconciliation {
  /** Σ rows − org, for the start and the end. */
  readonly startDifference: number;
  readonly endDifference: number;
  /** Deals of the waterfall counted in more than one row (nested teams). */
  readonly overlappingDeals: number;
  /** Deals of the waterfall in no row (owners outside every team, deals without a territory). */
  readonly dealsOutsideRows: number;
}

export interface PipelineChangesReport {
  readonly period: { readonly label: string; readonly start: IsoDate; readonly end: IsoDate };
  readonly since: IsoDate;
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly scopes: readonly ScopeWaterfall[];
  /** The whole org's waterfall: the totals row. */
  readonly org: ScopeWaterfall;
  readonly reconciliation: WaterfallReconciliation | null;
  /** Every deal of the org's waterfall (`unchanged` included), in bucket order, then by size of change. */
  readonly deals: readonly DealChange[];
}

export interface PipelineChangesOptions {
  readonly period: FiscalPeriod;
  /** Date a (org-local), before `asOf`. */
  readonly since: IsoDate;
  /** Date b. */
  readonly asOf: IsoDate;
  /** The rows; default the org alone. */
  readonly scopes?: readonly ForecastScope[];
}

/** A deal of the waterfall, classified once for every scope. */
interface Entry {
  readonly opportunity: Opportunity;
  readonly bucket: ChangeBucket;
  readonly cents: number;
  /** Value as of a when open in the period then, else 0; value as of b likewise. */
  readonly startCents: number;
  readonly endCents: number;
  readonly inStart: boolean;
  readonly inEnd: boolean;
  readonly before: DealFact | null;
  readonly after: DealFact;
  readonly history: DealHistory | undefined;
}

/**
 * The pipeline waterfall between `since` (a) and `asOf` (b) for `period` (metrics.md "Pipeline changes"; the
 * precedence of the buckets is `changeBucket`'s). Both dates are as-of replays; values are corporate cents at the
 * rate of each state's close date, rounded per deal, so start + Σ buckets = end holds exactly in cents.
 *
 * @example
 * const r = pipelineChanges(snapshot, { period, since: '2026-11-09', asOf: '2026-11-16' });
 * r.org.start + Object.values(r.org.amounts).reduce((s, v) => s + v, 0); // r.org.end (to the cent)
 */
export function pipelineChanges(snapshot: OrgSnapshot, options: PipelineChangesOptions): PipelineChangesReport {
  const { period, since, asOf } = options;
  if (since > asOf) throw new RangeError(`since ${since} is after the as-of date ${asOf}`);
  const startDay = dayNumber(period.start);
  const endDay = dayNumber(period.end);
  const replayA = dealReplay(snapshot, since);
  const replayB = dealReplay(snapshot, asOf);
  const entries: Entry[] = [];
  // Deals none of whose states closes in the period, or closed for good by a, are in neither state: not replayed.
  const bounds = dealCloseBounds(snapshot);
  const sinceDay = dayNumber(since);
  for (let i = 0; i < snapshot.deals.length; i++) {
    if ((bounds.maxCloseDay[i] as number) < startDay || (bounds.minCloseDay[i] as number) > endDay) continue;
    if ((bounds.settledDay[i] as number) <= sinceDay && bounds.finalOutcome[i] !== FINAL_OPEN) continue;
    const deal = snapshot.deals[i] as DealRecord;
    const after = replayB(deal);
    if (after === null) continue; // created after b
    const before = replayA(deal);
    const b = bucketState(after);
    const a = before === null ? null : bucketState(before);
    const of = changeBucket(a, b, startDay, endDay);
    if (of === null) continue;
    const inStart = a !== null && isOpenIn(a, startDay, endDay);
    const inEnd = isOpenIn(b, startDay, endDay);
    entries.push({
      opportunity: deal.opportunity,
      bucket: of.bucket,
      cents: of.cents,
      startCents: inStart ? (a as BucketState).cents : 0,
      endCents: inEnd ? b.cents : 0,
      inStart,
      inEnd,
      before,
      after,
      history: deal.history,
    });
  }
  const org = waterfallOf({ type: 'org', id: snapshot.data.organization.Id, name: orgName(snapshot) }, entries);
  const scopes = (options.scopes ?? [org.scope]).map((scope) =>
    scope.type === 'org'
      ? { ...org, scope }
      : waterfallOf(
          scope,
          scopeMembers(entries, (e) => e.opportunity, scopeMembership(snapshot, scope)),
        ),
  );
  return {
    period: { label: period.label, start: period.start, end: period.end },
    since,
    asOf,
    currency: snapshot.corporateCurrency,
    scopes,
    org,
    reconciliation: reconcile(snapshot, scopes, org, entries),
    deals: dealChanges(snapshot, entries, since, asOf),
  };
}

function orgName(snapshot: OrgSnapshot): string {
  const org = snapshot.data.organization;
  return org.Name ?? org.Id;
}

function bucketState(fact: DealFact): BucketState {
  return { isClosed: fact.isClosed, isWon: fact.isWon, closeDay: fact.closeDay, cents: fact.amountCents ?? 0 };
}

function isOpenIn(s: BucketState, startDay: number, endDay: number): boolean {
  return !s.isClosed && s.closeDay >= startDay && s.closeDay <= endDay;
}

const CATEGORY_ORDER: ReadonlyArray<ForecastCategoryName | null> = [
  'Omitted',
  'Pipeline',
  'Best Case',
  'Most Likely',
  'Commit',
  'Closed',
  null,
];

function waterfallOf(scope: ForecastScope, entries: readonly Entry[]): ScopeWaterfall {
  const amounts = Object.fromEntries(CHANGE_BUCKETS.map((b) => [b, 0])) as Record<ChangeBucket, number>;
  const counts = { ...amounts };
  let start = 0;
  let end = 0;
  let startDeals = 0;
  let endDeals = 0;
  const moves = new Map<
    string,
    { from: ForecastCategoryName | null; to: ForecastCategoryName | null; n: number; c: number }
  >();
  for (const e of entries) {
    amounts[e.bucket] += e.cents;
    counts[e.bucket]++;
    start += e.startCents;
    end += e.endCents;
    if (e.inStart) startDeals++;
    if (e.inEnd) endDeals++;
    if (!e.inStart || !e.inEnd) continue;
    const from = (e.before as DealFact).state.ForecastCategoryName;
    const to = e.after.state.ForecastCategoryName;
    if (from === to) continue;
    const key = `${from}>${to}`;
    const move = moves.get(key) ?? { from, to, n: 0, c: 0 };
    move.n++;
    move.c += e.endCents;
    moves.set(key, move);
  }
  const rank = (c: ForecastCategoryName | null) => CATEGORY_ORDER.indexOf(c);
  const categoryMoves = [...moves.values()]
    .sort((x, y) => rank(x.from) - rank(y.from) || rank(x.to) - rank(y.to))
    .map((m) => ({ from: m.from, to: m.to, deals: m.n, amount: m.c / 100 }));
  const money = Object.fromEntries(CHANGE_BUCKETS.map((b) => [b, amounts[b] / 100])) as Record<ChangeBucket, number>;
  return { scope, start: start / 100, end: end / 100, startDeals, endDeals, amounts: money, counts, categoryMoves };
}

function reconcile(
  snapshot: OrgSnapshot,
  scopes: readonly ScopeWaterfall[],
  org: ScopeWaterfall,
  entries: readonly Entry[],
): WaterfallReconciliation | null {
  if (scopes.length === 1 && scopes[0]?.scope.type === 'org') return null;
  const cents = (v: number) => Math.round(v * 100);
  let startSum = 0;
  let endSum = 0;
  const times = new Map<Opportunity, number>();
  for (const s of scopes) {
    startSum += cents(s.start);
    endSum += cents(s.end);
    if (s.scope.type === 'org') continue;
    const member = scopeMembership(snapshot, s.scope);
    for (const e of scopeMembers(entries, (x) => x.opportunity, member)) {
      times.set(e.opportunity, (times.get(e.opportunity) ?? 0) + 1);
    }
  }
  const startDifference = startSum - cents(org.start);
  const endDifference = endSum - cents(org.end);
  let overlappingDeals = 0;
  let dealsOutsideRows = 0;
  const orgRows = scopes.filter((s) => s.scope.type === 'org').length;
  for (const e of entries) {
    const n = (times.get(e.opportunity) ?? 0) + orgRows;
    if (n > 1) overlappingDeals++;
    else if (n === 0) dealsOutsideRows++;
  }
  if (startDifference === 0 && endDifference === 0 && overlappingDeals === 0 && dealsOutsideRows === 0) return null;
  return {
    startDifference: startDifference / 100,
    endDifference: endDifference / 100,
    overlappingDeals,
    dealsOutsideRows,
  };
}

function changeState(fact: DealFact): DealChangeState {
  const s = fact.state;
  return {
    stage: s.StageName,
    amount: s.Amount,
    amountCorporate: fact.amountCents === null ? null : fact.amountCents / 100,
    closeDate: s.CloseDate,
    forecastCategory: s.ForecastCategoryName,
    isClosed: s.IsClosed,
    isWon: s.IsWon,
  };
}

/** The deal's history rows created after `since`, up to `asOf`: the changes that moved it. */
function rowsBetween(history: DealHistory | undefined, since: IsoDate, asOf: IsoDate): DealChangeHistoryRow[] {
  if (!history) return [];
  const from = dayNumber(since);
  const to = dayNumber(asOf);
  const rows: DealChangeHistoryRow[] = [];
  for (let i = 0; i < history.days.length; i++) {
    const day = history.days[i] as number;
    if (day <= from || day > to) continue;
    const row = history.table.row(history.first + i);
    rows.push({
      createdDate: row.CreatedDate,
      date: isoDateOfDay(day),
      stage: row.StageName,
      amount: row.Amount,
      closeDate: row.CloseDate,
      probability: row.Probability,
      forecastCategory: forecastCategoryName(row.ForecastCategory),
    });
  }
  return rows;
}

function dealChanges(snapshot: OrgSnapshot, entries: readonly Entry[], since: IsoDate, asOf: IsoDate): DealChange[] {
  const order = new Map(CHANGE_BUCKETS.map((b, i) => [b, i]));
  return [...entries]
    .sort(
      (x, y) =>
        (order.get(x.bucket) ?? 0) - (order.get(y.bucket) ?? 0) ||
        Math.abs(y.cents) - Math.abs(x.cents) ||
        (x.opportunity.Id < y.opportunity.Id ? -1 : x.opportunity.Id > y.opportunity.Id ? 1 : 0),
    )
    .map((e) => {
      const o = e.opportunity;
      return {
        opportunityId: o.Id,
        name: o.Name ?? o.Id,
        ownerId: o.OwnerId,
        ownerName: snapshot.usersById.get(o.OwnerId)?.Name ?? o.OwnerId,
        currency: o.CurrencyIsoCode,
        bucket: e.bucket,
        change: e.cents / 100,
        before: e.before === null ? null : changeState(e.before),
        after: changeState(e.after),
        history: rowsBetween(e.history, since, asOf),
      };
    });
}
