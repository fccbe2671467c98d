import type { IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';

const cache = new WeakMap<OrgSnapshot, IsoDate | null>();

/**
 * The org-local creation date of the org's first deal: where its data begins. A period that starts before it is
 * not scored by a backtest (its actual is unknown, not 0). Null for an org without deals.
 *
 * @example
 * firstDealDate(snapshot); // '2024-02-01'
 */
export function firstDealDate(snapshot: OrgSnapshot): IsoDate | null {
  if (cache.has(snapshot)) return cache.get(snapshot) ?? null;
  let first: IsoDate | null = null;
  for (const deal of snapshot.deals) if (first === null || deal.createdOn < first) first = deal.createdOn;
  cache.set(snapshot, first);
  return first;
}
