import { dayNumber, type IsoDate } from '../calendar/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { dealCloseBounds } from './dealCloseBounds.js';
import { dealReplay, type DealFact } from './dealFacts.js';

/**
 * The deals that exist on `asOf` with their close date as of that date in [`from`, `to`], replayed to their state
 * on `asOf` (the facts `dealFactsAsOf` gives, in the same order, restricted to the window; `wonOnly`: the won ones).
 * Only deals whose history ever closes in the window are replayed, so a past period costs what its deals cost, not
 * what the org's whole history costs; nothing is cached.
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
  const { minCloseDay, maxCloseDay, everWon } = dealCloseBounds(snapshot);
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
    const fact = replay(deal);
    if (!fact || fact.closeDay < fromDay || fact.closeDay > toDay || (wonOnly && !fact.isWon)) continue;
    facts.push(fact);
  }
  return facts;
}
