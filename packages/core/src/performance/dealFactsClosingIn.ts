import { dayNumber, type IsoDate } from '../calendar/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { dealCloseBounds } from './dealCloseBounds.js';
import { dealReplay, type DealFact } from './dealFacts.js';

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
 * on `asOf` (the facts `dealFactsAsOf` gives, in the same order, restricted to the window; `wonOnly`: the won ones).
 * Only deals whose history ever closes in the window are replayed, so a past period costs what its deals cost, not
 * what the org's whole history costs. The list is not cached; the final state of a deal that no longer changes is.
 *
 * @example
 * dealFactsClosingIn(snapshot, '2026-11-16', '2026-10-01', '2026-12-31').filter((f) => !f.isClosed).length;
 */
export function dealFactsClosingIn(
  snapshot: OrgSnapshot,
  asOf: IsoDate,
  from: IsoDate,
  to: IsoDate,
  options: { readonly wonOnly?: boolean } = {},
): DealFact[] {
  const { minCloseDay, maxCloseDay, everWon, settledDay } = dealCloseBounds(snapshot);
  const final = finalFacts(snapshot);
  const asOfDay = dayNumber(asOf);
  const fromDay = dayNumber(from);
  const toDay = dayNumber(to);
  const wonOnly = options.wonOnly === true;
  const replay = dealReplay(snapshot, asOf);
  const facts: DealFact[] = [];
  for (let i = 0; i < snapshot.deals.length; i++) {
    if ((maxCloseDay[i] as number) < fromDay || (minCloseDay[i] as number) > toDay) continue;
    if (wonOnly && everWon[i] === 0) continue;
    const deal = snapshot.deals[i] as DealRecord;
    if (deal.createdDay > asOfDay) continue;
    // A deal whose last change came before `asOf` is in its final state, replayed once and shared.
    const fact = (settledDay[i] as number) <= asOfDay ? final.fact(i) : replay(deal);
    if (!fact || fact.closeDay < fromDay || fact.closeDay > toDay || (wonOnly && !fact.isWon)) continue;
    facts.push(fact);
  }
  return facts;
}
