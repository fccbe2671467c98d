import { describe, expect, it } from 'vitest';
import { dayNumber } from '../calendar/index.js';
import type { OpportunityHistory } from '../model/index.js';
import { OpportunityHistoryTable, OpportunityHistoryTableBuilder } from './opportunityHistoryTable.js';

const row = (n: number): OpportunityHistory => ({
  OpportunityId: `0065e00000000${String(n % 7).padStart(2, '0')}AAA`,
  CreatedDate: new Date(Date.UTC(2026, 0, 1) + n * 3_600_500).toISOString(),
  StageName: ['Prospecting', 'Proposal', 'Closed Won'][n % 3] as string,
  Amount: n % 5 === 0 ? null : n * 100.25,
  CloseDate: n % 4 === 0 ? null : `2026-0${(n % 9) + 1}-1${n % 10}`,
  Probability: n % 6 === 0 ? null : (n % 100) + 0.5,
  ForecastCategory: n % 8 === 0 ? null : (['Pipeline', 'BestCase', 'Commit'][n % 3] as string),
});

describe('OpportunityHistoryTable', () => {
  it('gives back every row it was built from, nulls and all, past the first growth of its columns', () => {
    const rows = Array.from({ length: 2500 }, (_, n) => row(n));
    const table = OpportunityHistoryTable.of(rows);
    expect(table.length).toBe(2500);
    expect(table.rows()).toEqual(rows);
    expect(table.amount(0)).toBeNull();
    expect(table.amount(1)).toBe(100.25);
    expect(table.createdAt(3)).toBe(Date.parse(rows[3]!.CreatedDate));
  });

  it('gives each close date as its day number, null as null, read twice or after more rows came', () => {
    const builder = new OpportunityHistoryTableBuilder();
    for (let n = 0; n < 40; n++) builder.push(row(n));
    const first = builder.build();
    const before = Array.from({ length: 40 }, (_, i) => first.closeDay(i));
    for (let n = 40; n < 90; n++)
      builder.push({ ...row(n), CloseDate: n % 4 === 0 ? null : `2027-0${(n % 9) + 1}-2${n % 10}` });
    const table = builder.build();
    for (const t of [first, table, table]) {
      for (let i = 0; i < t.length; i++) {
        const date = t.closeDate(i);
        expect(t.closeDay(i)).toBe(date === null ? null : dayNumber(date));
      }
    }
    expect(before).toEqual(Array.from({ length: 40 }, (_, i) => first.closeDay(i)));
    expect(table.closeDay(0)).toBeNull();
    expect(table.closeDay(1)).toBe(dayNumber('2026-02-11'));
  });

  it('holds the same rows whether room for them was reserved too small, right or too large', () => {
    const rows = Array.from({ length: 3000 }, (_, n) => row(n));
    for (const expected of [0, 1500, 3000, 100_000]) {
      const builder = new OpportunityHistoryTableBuilder(expected);
      rows.forEach((r) => builder.push(r));
      const table = builder.build();
      expect(table.rows()).toEqual(rows);
      const { createdMillis, amounts, stageCodes, closeDateCodes } = table.columns();
      for (const column of [createdMillis, amounts, stageCodes, closeDateCodes]) expect(column.length).toBe(3000);
    }
  });

  it('keeps the canonical instant of a datetime written with an offset', () => {
    const table = OpportunityHistoryTable.of([{ ...row(1), CreatedDate: '2026-03-01T01:30:00.000+0200' }]);
    expect(table.row(0).CreatedDate).toBe('2026-02-28T23:30:00.000Z');
  });

  it('names a CreatedDate that is not a datetime', () => {
    const builder = new OpportunityHistoryTableBuilder();
    expect(() => builder.push({ ...row(1), CreatedDate: 'yesterday' })).toThrow(/Not a datetime: "yesterday"/);
  });

  it('reorders its rows', () => {
    const rows = [row(1), row(2), row(3)];
    expect(OpportunityHistoryTable.of(rows).reordered([2, 0, 0]).rows()).toEqual([rows[2], rows[0], rows[0]]);
  });

  it('is empty with no rows', () => {
    const table = OpportunityHistoryTable.of([]);
    expect([table.length, table.rows()]).toEqual([0, []]);
  });
});
