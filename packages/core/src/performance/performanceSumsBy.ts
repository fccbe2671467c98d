import { dayNumber, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { dealFactsAsOf, type DealFact } from './dealFacts.js';
import { dealFactsClosingIn } from './dealFactsClosingIn.js';
import { emptySums, type PerformanceSums } from './performanceSums.js';
import { slippedFromPeriod } from './slippedFromPeriod.js';

export interface PeriodAsOf {
  readonly period: FiscalPeriod;
  readonly asOf: IsoDate;
}

/** Number of earlier periods of the same length whose win rate by value sets the required coverage. */
export const REQUIRED_COVERAGE_PERIODS = 4;

/**
 * One pass over the deals as of the date, adding each deal's figures to the sums of the key it belongs to
 * (owner, territory, …; a null key skips the deal). Keys that appear only through the earlier periods used for
 * required coverage are kept too; `touched` lists the keys with a deal that counts in the period itself.
 * `closingOnly` reads only the deals closing in the period and the earlier periods (`dealFactsClosingIn`, a fraction
 * of the org's history): every figure is the same except pipelineCreated and slipped, which are then not counted.
 *
 * @example
 * const { sums } = performanceSumsBy(snapshot, { period, asOf }, (f) => f.opportunity.OwnerId);
 */
export function performanceSumsBy(
  snapshot: OrgSnapshot,
  { period, asOf }: PeriodAsOf,
  keyOf: (fact: DealFact) => string | null,
  { closingOnly = false }: { readonly closingOnly?: boolean } = {},
): { sums: Map<string, PerformanceSums>; touched: Set<string> } {
  const prior = snapshot.calendar.previousPeriods(period, REQUIRED_COVERAGE_PERIODS);
  const priorStart = prior[prior.length - 1]?.start ?? period.start;
  const priorEnd = prior[0]?.end ?? period.start;
  const sums = new Map<string, PerformanceSums>();
  const touched = new Set<string>();
  const facts = closingOnly
    ? dealFactsClosingIn(snapshot, asOf, prior.length > 0 ? priorStart : period.start, period.end)
    : dealFactsAsOf(snapshot, asOf);
  const [startDay, endDay] = [dayNumber(period.start), dayNumber(period.end)];
  const [priorStartDay, priorEndDay] = [dayNumber(priorStart), dayNumber(priorEnd)];
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i] as DealFact;
    const key = keyOf(fact);
    if (key === null) continue;
    const { amountCents, closeDay, createdDay, isClosed, isWon } = fact;
    const amount = amountCents ?? 0;
    const inPeriod = closeDay >= startDay && closeDay <= endDay;
    const createdInPeriod = !closingOnly && createdDay >= startDay && createdDay <= endDay;
    const inPrior = isClosed && prior.length > 0 && closeDay >= priorStartDay && closeDay <= priorEndDay;
    const slipped = closeDay > endDay && slippedFromPeriod(fact.state.CloseDate, fact.history, period, asOf);
    if (!inPeriod && !createdInPeriod && !inPrior && !slipped) continue;
    let s = sums.get(key);
    if (!s) sums.set(key, (s = emptySums()));
    if (inPeriod || createdInPeriod || slipped) touched.add(key);
    if (inPeriod) {
      if (isClosed) {
        s.closedCents += amount;
        if (isWon) {
          s.won++;
          s.closedWonCents += amount;
          if (amountCents !== null) s.wonWithAmount++;
          s.cycleDays.push(closeDay - createdDay);
        } else {
          s.lost++;
        }
      } else {
        s.openDeals++;
        s.openPipelineCents += amount;
      }
    }
    if (createdInPeriod) s.pipelineCreatedCents += amount;
    if (slipped) {
      s.slipped++;
      s.slippedCents += amount;
    }
    if (inPrior) {
      s.priorClosedCents += amount;
      if (isWon) s.priorClosedWonCents += amount;
    }
  }
  return { sums, touched };
}
