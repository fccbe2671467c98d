import { addDays, dayNumber, daysBetween, isoDateOfDay, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import { dealFactsAsOf } from '../performance/index.js';
import { dealStateAsOf, type OrgSnapshot } from '../snapshot/index.js';
import { wonDealPatterns, type WonDealPatterns } from './wonDealPatterns.js';

/** The rules of metrics.md "Pipeline hygiene", in the order commands list them. */
export const HYGIENE_RULES = [
  'PAST_CLOSE_DATE',
  'PUSHED',
  'STALE_STAGE',
  'MISSING_AMOUNT',
  'NO_NEXT_STEP',
  'PROBABILITY_MISMATCH',
  'COMMIT_TOO_EARLY',
  'AMOUNT_DROPPED',
  'OWNER_INACTIVE',
] as const;

export type HygieneRule = (typeof HYGIENE_RULES)[number];

/** Pushes of the close date that make a deal `PUSHED`. */
export const PUSHED_MIN = 2;
/** Stage age, in multiples of the won deals' median time in that stage, beyond which a deal is stale. */
export const STALE_FACTOR = 2;
/** Percentage points between a deal's probability and its stage's default that count as a mismatch. */
export const PROBABILITY_TOLERANCE = 25;
/** Share of the amount at the start of the period that a deal may lose before it is flagged. */
export const AMOUNT_DROP_SHARE = 0.25;

/** One broken rule with its evidence. */
export type HygieneFlag =
  | { readonly rule: 'PAST_CLOSE_DATE'; readonly closeDate: IsoDate; readonly daysPast: number }
  | { readonly rule: 'PUSHED'; readonly pushes: number; readonly closeDates: readonly IsoDate[] }
  | {
      readonly rule: 'STALE_STAGE';
      readonly stage: string;
      readonly since: IsoDate;
      readonly days: number;
      readonly wonMedianDays: number;
    }
  | { readonly rule: 'MISSING_AMOUNT'; readonly amount: number | null }
  | { readonly rule: 'NO_NEXT_STEP' }
  | {
      readonly rule: 'PROBABILITY_MISMATCH';
      readonly probability: number;
      readonly stageDefault: number;
    }
  | {
      readonly rule: 'COMMIT_TOO_EARLY';
      readonly stage: string;
      readonly stageOrder: number;
      readonly medianWinningStageOrder: number;
    }
  | {
      readonly rule: 'AMOUNT_DROPPED';
      readonly from: number;
      readonly to: number;
      readonly since: IsoDate;
      readonly change: number;
    }
  | { readonly rule: 'OWNER_INACTIVE'; readonly owner: string };

export interface HygieneDeal {
  readonly opportunityId: string;
  readonly name: string | null;
  readonly ownerId: string;
  readonly ownerName: string;
  readonly stage: string;
  readonly closeDate: IsoDate;
  /** Amount in the corporate currency as of the date (null when the deal has none). */
  readonly amount: number | null;
  /** The deal's own currency, in which the AMOUNT_DROPPED evidence is given. */
  readonly dealCurrency: string;
  readonly flags: readonly HygieneFlag[];
}

export interface PipelineHygieneReport {
  readonly asOf: IsoDate;
  readonly period: { readonly label: string; readonly start: IsoDate; readonly end: IsoDate };
  readonly currency: string;
  /** The period whose closing deals were checked (`--period`); null when every open deal was. */
  readonly closingIn: { readonly label: string; readonly start: IsoDate; readonly end: IsoDate } | null;
  /** Open deals checked (flagged or not). */
  readonly checked: number;
  /** Flagged open deals, most flags first, then largest amount. */
  readonly deals: readonly HygieneDeal[];
  /** Per owner, worst first (most flags, then most flagged amount). */
  readonly owners: ReadonlyArray<{
    readonly ownerId: string;
    readonly ownerName: string;
    readonly deals: number;
    readonly flags: number;
    readonly amount: number;
  }>;
  /** How often each rule fired. */
  readonly counts: Readonly<Record<HygieneRule, number>>;
}

/**
 * Checks every deal open as of the date against the hygiene rules (metrics.md "Pipeline hygiene"), or with
 * `closingIn` only those whose close date (as of the date) falls in that period. `period` is the period whose start
 * the `AMOUNT_DROPPED` rule measures from. Closed deals are never flagged; `OWNER_INACTIVE` flags a deal whose owner
 * is an inactive user (left the company: nobody works the deal). `patterns`: the won-deal baselines when they were
 * learnt elsewhere (deal health checks one deal against the stored org-wide ones); default: learnt from `snapshot`.
 *
 * @example
 * pipelineHygiene(snapshot, { period, asOf: '2026-11-16' }).owners[0]; // the owner with the most flags
 */
export function pipelineHygiene(
  snapshot: OrgSnapshot,
  {
    period,
    asOf,
    closingIn = null,
    patterns = wonDealPatterns(snapshot, asOf),
  }: {
    period: Pick<FiscalPeriod, 'label' | 'start' | 'end'>;
    asOf: IsoDate;
    closingIn?: FiscalPeriod | null;
    patterns?: WonDealPatterns;
  },
): PipelineHygieneReport {
  const beforePeriod = addDays(period.start, -1);
  const beforePeriodDay = dayNumber(beforePeriod);
  const asOfDay = dayNumber(asOf);
  const context = { stagesByName: snapshot.stagesByName, stageList: snapshot.stageOrder };
  const counts: Record<HygieneRule, number> = {
    PAST_CLOSE_DATE: 0,
    PUSHED: 0,
    STALE_STAGE: 0,
    MISSING_AMOUNT: 0,
    NO_NEXT_STEP: 0,
    PROBABILITY_MISMATCH: 0,
    COMMIT_TOO_EARLY: 0,
    AMOUNT_DROPPED: 0,
    OWNER_INACTIVE: 0,
  };
  const flagged: HygieneDeal[] = [];
  let checked = 0;
  for (const fact of dealFactsAsOf(snapshot, asOf)) {
    if (fact.isClosed) continue;
    const { state, opportunity } = fact;
    if (closingIn && (state.CloseDate < closingIn.start || state.CloseDate > closingIn.end)) continue;
    checked++;
    const flags: HygieneFlag[] = [];
    const stage = snapshot.stagesByName.get(state.StageName);
    const history = fact.history;
    // History rows up to the as-of date: the deal's rows 0 to count − 1.
    let count = 0;
    if (history) while (count < history.days.length && (history.days[count] as number) <= asOfDay) count++;

    if (state.CloseDate < asOf) {
      flags.push({ rule: 'PAST_CLOSE_DATE', closeDate: state.CloseDate, daysPast: daysBetween(state.CloseDate, asOf) });
    }

    const closeDates: IsoDate[] = [];
    let pushes = 0;
    for (let i = 0; i < count; i++) {
      const close = history ? history.table.closeDate(history.first + i) : null;
      const previous = i > 0 && history ? history.table.closeDate(history.first + i - 1) : null;
      if (close !== null && (closeDates.length === 0 || closeDates[closeDates.length - 1] !== close))
        closeDates.push(close);
      if (close !== null && previous !== null && close > previous) pushes++;
    }
    if (pushes >= PUSHED_MIN) flags.push({ rule: 'PUSHED', pushes, closeDates });

    let first = count; // the first of the trailing rows in the current stage
    while (first > 0 && history?.table.stageName(history.first + first - 1) === state.StageName) first--;
    const since = first < count && history ? isoDateOfDay(history.days[first] as number) : fact.createdOn;
    const wonMedianDays = patterns.medianDaysInStage.get(state.StageName);
    const days = daysBetween(since, asOf);
    if (wonMedianDays !== undefined && days > STALE_FACTOR * wonMedianDays) {
      flags.push({ rule: 'STALE_STAGE', stage: state.StageName, since, days, wonMedianDays });
    }

    if (state.Amount === null || state.Amount === 0) flags.push({ rule: 'MISSING_AMOUNT', amount: state.Amount });
    if (opportunity.NextStep === null || opportunity.NextStep.trim() === '') flags.push({ rule: 'NO_NEXT_STEP' });

    const stageDefault = stage?.DefaultProbability ?? null;
    if (
      state.Probability !== null &&
      stageDefault !== null &&
      Math.abs(state.Probability - stageDefault) > PROBABILITY_TOLERANCE
    ) {
      flags.push({ rule: 'PROBABILITY_MISMATCH', probability: state.Probability, stageDefault });
    }

    const order = stage?.SortOrder ?? null;
    if (
      state.ForecastCategoryName === 'Commit' &&
      order !== null &&
      patterns.medianWinningStageOrder !== null &&
      order < patterns.medianWinningStageOrder
    ) {
      flags.push({
        rule: 'COMMIT_TOO_EARLY',
        stage: state.StageName,
        stageOrder: order,
        medianWinningStageOrder: patterns.medianWinningStageOrder,
      });
    }

    // The amount when the period began (or when the deal was created, if later), replayed from the deal's own record
    // and history (no by-Id lookup: a million open deals would build the snapshot's by-Id maps for it).
    const atStart =
      fact.createdOn <= beforePeriod
        ? dealStateAsOf(opportunity, fact.createdOn, history, beforePeriod, context, beforePeriodDay)?.Amount
        : history && history.days.length > 0
          ? history.table.amount(history.first)
          : null;
    const now = state.Amount ?? 0;
    if (atStart != null && atStart > 0 && now < atStart * (1 - AMOUNT_DROP_SHARE)) {
      flags.push({
        rule: 'AMOUNT_DROPPED',
        from: atStart,
        to: now,
        since: fact.createdOn <= beforePeriod ? period.start : fact.createdOn,
        change: (now - atStart) / atStart,
      });
    }

    const owner = snapshot.usersById.get(opportunity.OwnerId);
    if (owner && !owner.IsActive) flags.push({ rule: 'OWNER_INACTIVE', owner: owner.Name });

    if (flags.length === 0) continue;
    for (const f of flags) counts[f.rule]++;
    flagged.push({
      opportunityId: opportunity.Id,
      name: opportunity.Name,
      ownerId: opportunity.OwnerId,
      ownerName: snapshot.usersById.get(opportunity.OwnerId)?.Name ?? opportunity.OwnerId,
      stage: state.StageName,
      closeDate: state.CloseDate,
      amount: fact.amountCents === null ? null : fact.amountCents / 100,
      dealCurrency: opportunity.CurrencyIsoCode ?? snapshot.corporateCurrency,
      flags,
    });
  }
  flagged.sort(
    (a, b) =>
      b.flags.length - a.flags.length ||
      (b.amount ?? 0) - (a.amount ?? 0) ||
      (a.opportunityId < b.opportunityId ? -1 : 1),
  );

  const owners = new Map<
    string,
    { ownerId: string; ownerName: string; deals: number; flags: number; amount: number }
  >();
  for (const deal of flagged) {
    const entry = owners.get(deal.ownerId) ?? {
      ownerId: deal.ownerId,
      ownerName: deal.ownerName,
      deals: 0,
      flags: 0,
      amount: 0,
    };
    entry.deals++;
    entry.flags += deal.flags.length;
    entry.amount += deal.amount ?? 0;
    owners.set(deal.ownerId, entry);
  }
  return {
    asOf,
    period: { label: period.label, start: period.start, end: period.end },
    currency: snapshot.corporateCurrency,
    closingIn: closingIn ? { label: closingIn.label, start: closingIn.start, end: closingIn.end } : null,
    checked,
    deals: flagged,
    owners: [...owners.values()].sort(
      (a, b) => b.flags - a.flags || b.amount - a.amount || a.ownerName.localeCompare(b.ownerName),
    ),
    counts,
  };
}
