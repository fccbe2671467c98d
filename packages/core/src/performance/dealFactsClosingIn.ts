import { dayNumber, type IsoDate } from '../calendar/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { dealCloseBounds, FINAL_LOST, FINAL_WON } from './dealCloseBounds.js';
import { closeDayOf, dealReplay, type DealFact } from './dealFacts.js';
import { dealRowAsOf, dealRowCloseDate, dealRowIsClosed, dealRowIsWon } from './dealRowAsOf.js';

/** Each deal's state after its last change, replayed when first asked for (the facts are shared, never mutated). */
interface FinalFacts {
  fact(index: number): DealFact | null;
}

const finalCache = new WeakMap<OrgSnapshot, FinalFacts>();

function finalFacts(snapshot: OrgSnapshot): FinalFacts {
  let final = finalCache.get(snapshot);
  if (!final) {
    const facts = new Array<DealFact | null | undefined>(snapshot.deals.length);
    const replay = dealReplay(snapshot, '9999-12-31');
    final = {
      fact: (index) => {
        let fact = facts[index];
        if (fact === undefined) facts[index] = fact = replay(snapshot.deals[index] as DealRecord);
        return fact;
      },
    };
    finalCache.set(snapshot, final);
  }
  return final;
}

/**
 * The deals that exist on `asOf` with their close date as of that date in [`from`, `to`], replayed to their state
 * on `asOf` (the facts `dealFactsAsOf` gives, in the same order, restricted to the window; `wonOnly`: the won ones;
 * `withoutLost`: the open and won ones). Only deals whose history ever closes in the window are looked at, so a past
 * period costs what its deals cost, not what the org's whole history costs; of those, only the ones kept are
 * replayed. The list is not cached; the final state of a deal that no longer changes is.
 *
 * @example
 * dealFactsClosingIn(snapshot, '2026-11-16', '2026-10-01', '2026-12-31').filter((f) => !f.isClosed).length;
 */
export function dealFactsClosingIn(
  snapshot: OrgSnapshot,
  asOf: IsoDate,
  from: IsoDate,
  to: IsoDate,
  options: { readonly wonOnly?: boolean; readonly withoutLost?: boolean } = {},
): DealFact[] {
  const { minCloseDay, maxCloseDay, everWon, settledDay, finalCloseDay, finalOutcome } = dealCloseBounds(snapshot);
  const final = finalFacts(snapshot);
  const asOfDay = dayNumber(asOf);
  const fromDay = dayNumber(from);
  const toDay = dayNumber(to);
  const wonOnly = options.wonOnly === true;
  const withoutLost = options.withoutLost === true;
  const stageList = snapshot.stageOrder;
  const replay = dealReplay(snapshot, asOf);
  const days = new Map<string, number>();
  const facts: DealFact[] = [];
  for (let i = 0; i < snapshot.deals.length; i++) {
    if ((maxCloseDay[i] as number) < fromDay || (minCloseDay[i] as number) > toDay) continue;
    if (wonOnly && everWon[i] === 0) continue;
    if ((settledDay[i] as number) <= asOfDay) {
      // In its final state, tested by the bounds alone and replayed once for good when kept.
      const closeDay = finalCloseDay[i] as number;
      if (closeDay < fromDay || closeDay > toDay) continue;
      const outcome = finalOutcome[i];
      if ((wonOnly && outcome !== FINAL_WON) || (withoutLost && outcome === FINAL_LOST)) continue;
      facts.push(final.fact(i) as DealFact);
      continue;
    }
    const deal = snapshot.deals[i] as DealRecord;
    if (deal.createdDay > asOfDay) continue;
    // Its close date and outcome on `asOf`, read off the history row in force then, pick the deals replayed.
    const row = dealRowAsOf(deal.history, asOfDay);
    const closeDay = closeDayOf(dealRowCloseDate(deal, row), days);
    if (closeDay < fromDay || closeDay > toDay) continue;
    if ((wonOnly || withoutLost) && !dealRowIsWon(deal, row, stageList)) {
      if (wonOnly || dealRowIsClosed(deal, row, stageList)) continue;
    }
    facts.push(replay(deal) as DealFact);
  }
  return facts;
}
