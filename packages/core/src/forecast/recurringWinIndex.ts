import type { IsoDate } from '../calendar/index.js';
import type { RecurringWin } from '../retention/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { lowerBound, upperBound } from '../stats/index.js';
import { isRenewal } from './stageCell.js';

/**
 * An org's recurring wins (`recurringWins`) indexed for the renewal passes of a forecast, which look at a dozen
 * periods' contracts and bookings: each win's account as a number, the wins sorted by close date, the org's
 * renewals by account, and per-account scratch arrays, so that each period groups and sums with typed arrays
 * instead of maps of account Ids and an object per account.
 */
export interface RecurringWinIndex {
  readonly wins: readonly RecurringWin[];
  /** Each win's account, numbered from 0 in order of first appearance. */
  readonly accountOf: Int32Array;
  /** Per account number, the org's renewals of that account (see `isRenewal`), in `snapshot.deals` order. */
  readonly renewals: ReadonlyArray<readonly DealRecord[] | undefined>;
  /** Win positions sorted by close date (then position), and their close dates in that order. */
  readonly byDate: Int32Array;
  readonly dates: readonly IsoDate[];
  /** Per account number, scratch sums by kind (new, renewal, expansion): all 0 between calls. */
  readonly sums: readonly [Float64Array, Float64Array, Float64Array];
  /** Per account number, scratch (all 0 between calls). */
  readonly slot: Int32Array;
}

/**
 * Indexes `wins` (one pass over them and one over the org's deals for the renewals).
 *
 * @example
 * const index = recurringWinIndex(snapshot, recurringWins(snapshot, '2026-11-16'));
 */
export function recurringWinIndex(snapshot: OrgSnapshot, wins: readonly RecurringWin[]): RecurringWinIndex {
  const numbers = new Map<string, number>();
  const accountOf = new Int32Array(wins.length);
  // By date, then position: the positions of each of the few thousand dates, dates sorted, not every win compared.
  const byDateMap = new Map<IsoDate, number[]>();
  for (let i = 0; i < wins.length; i++) {
    const w = wins[i] as RecurringWin;
    let n = numbers.get(w.accountId);
    if (n === undefined) numbers.set(w.accountId, (n = numbers.size));
    accountOf[i] = n;
    const list = byDateMap.get(w.closeDate);
    if (list) list.push(i);
    else byDateMap.set(w.closeDate, [i]);
  }
  const byDate = new Int32Array(wins.length);
  const dates: IsoDate[] = [];
  for (const date of [...byDateMap.keys()].sort()) {
    for (const i of byDateMap.get(date) as number[]) {
      byDate[dates.length] = i;
      dates.push(date);
    }
  }
  const renewals = new Array<DealRecord[] | undefined>(numbers.size);
  for (const deal of snapshot.deals) {
    const account = deal.opportunity.AccountId;
    if (account === null || !isRenewal(deal.opportunity)) continue;
    const n = numbers.get(account);
    if (n === undefined) continue; // no recurring win: never due, never looked at
    const list = renewals[n];
    if (list) list.push(deal);
    else renewals[n] = [deal];
  }
  const accounts = numbers.size;
  return {
    wins,
    accountOf,
    renewals,
    byDate,
    dates,
    sums: [new Float64Array(accounts), new Float64Array(accounts), new Float64Array(accounts)],
    slot: new Int32Array(accounts),
  };
}

/**
 * The positions of the wins with a close date in [start, end], ascending (their order in `wins`).
 *
 * @example
 * winsClosingIn(index, { start: '2025-10-01', end: '2025-12-31' }).length;
 */
export function winsClosingIn(index: RecurringWinIndex, { start, end }: { start: IsoDate; end: IsoDate }): Int32Array {
  return index.byDate.slice(lowerBound(index.dates, start), upperBound(index.dates, end)).sort();
}

/** Wins grouped by account: group k is account `order[k]`, its wins `slots[from[k]]` … `slots[from[k + 1] − 1]`. */
export interface AccountGroups {
  /** Accounts in order of their first win. */
  readonly order: readonly number[];
  readonly from: Int32Array;
  /** Win positions, each group's in their order in the input. */
  readonly slots: Int32Array;
}

/**
 * The wins at `positions` grouped by account, groups in order of first appearance (as a Map keyed by account would
 * list them), each group's wins in input order.
 *
 * @example
 * const { order, from, slots } = groupByAccount(index, winsClosingIn(index, period));
 */
export function groupByAccount(index: RecurringWinIndex, positions: ArrayLike<number>): AccountGroups {
  const { accountOf, slot } = index;
  const order: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < positions.length; i++) {
    const account = accountOf[positions[i] as number] as number;
    let k = slot[account] as number; // group number + 1; 0: not seen yet
    if (k === 0) {
      order.push(account);
      sizes.push(0);
      slot[account] = k = order.length;
    }
    sizes[k - 1] = (sizes[k - 1] as number) + 1;
  }
  const from = new Int32Array(order.length + 1);
  for (let k = 0; k < order.length; k++) from[k + 1] = (from[k] as number) + (sizes[k] as number);
  const next = from.slice(0, order.length);
  const slots = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const k = (slot[accountOf[positions[i] as number] as number] as number) - 1;
    slots[next[k] as number] = positions[i] as number;
    next[k] = (next[k] as number) + 1;
  }
  for (const account of order) slot[account] = 0;
  return { order, from, slots };
}

/** Sorts `slots[from]` … `slots[to − 1]` by their wins' close dates, equal dates in their order (a stable sort). */
export function sortByCloseDate(index: RecurringWinIndex, slots: Int32Array, from: number, to: number): void {
  const { wins } = index;
  for (let i = from + 1; i < to; i++) {
    const at = slots[i] as number;
    const date = (wins[at] as RecurringWin).closeDate;
    let j = i - 1;
    while (j >= from && (wins[slots[j] as number] as RecurringWin).closeDate > date) {
      slots[j + 1] = slots[j] as number;
      j--;
    }
    slots[j + 1] = at;
  }
}
