import { dayNumber, type IsoDate } from '../calendar/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { dealCloseBounds } from './dealCloseBounds.js';
import { dealReplay, type DealFact } from './dealFacts.js';
import { dealsClosingIn, type ClosingInOptions } from './dealsClosingIn.js';

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
 * `withoutLost`: the open and won ones). The deals are the ones `dealsClosingIn` finds, so a past period costs what
 * its deals cost, not what the org's whole history costs; only those are replayed. The list is not cached; the
 * final state of a deal that no longer changes is.
 *
 * @example
 * dealFactsClosingIn(snapshot, '2026-11-16', '2026-10-01', '2026-12-31').filter((f) => !f.isClosed).length;
 */
export function dealFactsClosingIn(
  snapshot: OrgSnapshot,
  asOf: IsoDate,
  from: IsoDate,
  to: IsoDate,
  options: ClosingInOptions = {},
): DealFact[] {
  const { settledDay } = dealCloseBounds(snapshot);
  const final = finalFacts(snapshot);
  const replay = dealReplay(snapshot, asOf);
  const facts: DealFact[] = [];
  const asOfDay = dayNumber(asOf);
  for (const i of dealsClosingIn(snapshot, asOf, from, to, options)) {
    // A deal in its final state is replayed once for good.
    const fact = (settledDay[i] as number) <= asOfDay ? final.fact(i) : replay(snapshot.deals[i] as DealRecord);
    facts.push(fact as DealFact);
  }
  return facts;
}
