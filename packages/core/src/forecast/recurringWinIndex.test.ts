import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../model/index.js';
import type { RecurringWin } from '../retention/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { groupByAccount, recurringWinIndex, sortByCloseDate, winsClosingIn } from './recurringWinIndex.js';

const win = (accountId: string, closeDate: string, amount: number): RecurringWin => ({
  opportunity: { AccountId: accountId } as Opportunity,
  accountId,
  kind: 'renewal',
  closeDate,
  amount,
});

describe('recurringWinIndex', () => {
  const wins = [
    win('B', '2025-03-01', 1),
    win('A', '2025-02-01', 2),
    win('B', '2025-01-15', 3),
    win('A', '2025-02-01', 4),
    win('C', '2025-06-01', 5),
  ];
  const index = recurringWinIndex({ deals: [] } as unknown as OrgSnapshot, wins);

  it('finds the wins closing in a range, in their order', () => {
    expect([...winsClosingIn(index, { start: '2025-01-01', end: '2025-03-31' })]).toEqual([0, 1, 2, 3]);
    expect([...winsClosingIn(index, { start: '2025-02-01', end: '2025-02-01' })]).toEqual([1, 3]);
    expect([...winsClosingIn(index, { start: '2025-07-01', end: '2025-12-31' })]).toEqual([]);
  });

  it('groups by account in order of first appearance, and sorts a group by close date, ties in their order', () => {
    const { order, from, slots } = groupByAccount(
      index,
      winsClosingIn(index, { start: '2025-01-01', end: '2025-03-31' }),
    );
    // B (wins 0 and 2), then A (wins 1 and 3).
    expect(order).toEqual([index.accountOf[0], index.accountOf[1]]);
    expect(index.accountOf[2]).toBe(index.accountOf[0]);
    expect([...from]).toEqual([0, 2, 4]);
    expect([...slots]).toEqual([0, 2, 1, 3]);
    sortByCloseDate(index, slots, 0, 2);
    sortByCloseDate(index, slots, 2, 4);
    expect([...slots]).toEqual([2, 0, 1, 3]);
    // Its scratch is clean again: another grouping starts afresh (C, then B).
    expect(groupByAccount(index, [4, 0]).order).toEqual([index.accountOf[4], index.accountOf[0]]);
  });
});
