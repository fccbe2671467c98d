import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFiscalCalendar } from './fiscalCalendar.js';
import { addDays, dayNumber, isoDateOfDay } from './isoDate.js';
import { parsePeriodSpec, PeriodSpecError } from './parsePeriodSpec.js';

const cal = (start: number, byStart = false) =>
  createFiscalCalendar({ settings: { FiscalYearStartMonth: start, UsesStartDateAsFiscalYearName: byStart } });

describe('standard fiscal years', () => {
  it('names a January year by its calendar year under both conventions', () => {
    for (const byStart of [false, true]) {
      const q = cal(1, byStart).periodOf('2026-11-16', 'Quarter');
      expect(q).toMatchObject({ label: 'FY2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    }
  });

  it('names a February year by the year it ends in, or starts in', () => {
    // FY starting 2026-02-01 ends 2027-01-31: FY2027 (ending-year naming) or FY2026 (start-year naming).
    expect(cal(2).periodOf('2026-11-16', 'Quarter')).toMatchObject({
      label: 'FY2027-Q4',
      start: '2026-11-01',
      end: '2027-01-31',
    });
    expect(cal(2, true).periodOf('2026-11-16', 'Year')).toMatchObject({
      label: 'FY2026',
      start: '2026-02-01',
      end: '2027-01-31',
    });
    // January 2027 is still the last month of that fiscal year.
    expect(cal(2).periodOf('2027-01-31', 'Month').label).toBe('FY2027-M12');
    expect(cal(2).periodOf('2027-02-01', 'Month').label).toBe('FY2028-M1');
  });

  it('handles every start month: the year holds 12 months and 4 quarters that tile it', () => {
    for (let m = 1; m <= 12; m++) {
      for (const byStart of [false, true]) {
        const c = cal(m, byStart);
        const year = c.periodOf('2025-07-15', 'Year');
        expect(year.start.slice(5)).toBe(`${String(m).padStart(2, '0')}-01`);
        const startYear = Number(year.start.slice(0, 4));
        expect(year.fiscalYear).toBe(byStart || m === 1 ? startYear : startYear + 1);
        let day = year.start;
        for (let q = 1; q <= 4; q++) {
          const quarter = c.periodByLabel(`FY${year.fiscalYear}-Q${q}`)!;
          expect(quarter.start).toBe(day);
          day = addDays(quarter.end, 1);
        }
        expect(addDays(day, -1)).toBe(year.end);
        expect(c.totalDays(year)).toBeGreaterThanOrEqual(365);
      }
    }
  });

  it('counts leap years and elapsed days', () => {
    const c = cal(1);
    const feb = c.periodOf('2024-02-29', 'Month');
    expect(feb).toMatchObject({ label: 'FY2024-M2', end: '2024-02-29' });
    expect(c.totalDays(c.periodByLabel('FY2024')!)).toBe(366);
    expect(c.totalDays(c.periodByLabel('FY2023')!)).toBe(365);
    // Q1 2026 = 90 days; as of Jan 10 → 10 elapsed; before the period 0; after it all 90.
    const q1 = c.periodByLabel('FY2026-Q1')!;
    expect(c.totalDays(q1)).toBe(90);
    expect(c.elapsedDays(q1, '2026-01-10')).toBe(10);
    expect(c.elapsedDays(q1, '2025-12-31')).toBe(0);
    expect(c.elapsedDays(q1, '2026-06-30')).toBe(90);
  });

  it('lists previous periods across year boundaries, most recent first', () => {
    const c = cal(2);
    const labels = c.previousPeriods(c.periodByLabel('FY2027-Q1')!, 3).map((p) => p.label);
    expect(labels).toEqual(['FY2026-Q4', 'FY2026-Q3', 'FY2026-Q2']);
    expect(c.next(c.periodByLabel('FY2026-Q4')!).label).toBe('FY2027-Q1');
  });

  it('property: the period of a date contains it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.integer({ min: 0, max: 40_000 }), (m, b, day) => {
        const d = isoDateOfDay(day);
        for (const type of ['Year', 'Quarter', 'Month'] as const) {
          const p = cal(m, b).periodOf(d, type);
          expect(p.start <= d && d <= p.end).toBe(true);
        }
        expect(dayNumber(d)).toBe(day);
      }),
    );
  });
});

describe('custom fiscal years', () => {
  // A 4-4-5 year of 52 weeks right after the standard FY2025: 2026-01-01 .. 2026-12-30, quarters of 13 weeks.
  const fiscalYears = [
    { Id: '022000000000001AAA', Name: '2026', StartDate: '2026-01-01', EndDate: '2026-12-30', IsStandardYear: false },
  ];
  const quarterStarts = ['2026-01-01', '2026-04-02', '2026-07-02', '2026-10-01', '2026-12-31'];
  const periods = quarterStarts.slice(0, 4).map((start, i) => ({
    FiscalYearSettingsId: '022000000000001AAA',
    Type: 'Quarter',
    StartDate: start,
    EndDate: addDays(quarterStarts[i + 1]!, -1),
    Number: i + 1,
  }));
  const c = createFiscalCalendar({
    settings: { FiscalYearStartMonth: 1, UsesStartDateAsFiscalYearName: false },
    fiscalYears,
    periods,
  });

  it('takes precedence over the standard calendar where it applies', () => {
    expect(c.periodOf('2025-12-31', 'Quarter').label).toBe('FY2025-Q4'); // standard year 2025
    expect(c.periodOf('2026-01-01', 'Quarter')).toMatchObject({ label: 'FY2026-Q1', end: '2026-04-01' });
    expect(c.periodOf('2026-12-30', 'Quarter')).toMatchObject({ label: 'FY2026-Q4', start: '2026-10-01' });
    expect(c.totalDays(c.periodByLabel('FY2026-Q4')!)).toBe(91);
    expect(c.periodByLabel('FY2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-30' });
    expect(c.previous(c.periodByLabel('FY2026-Q1')!).label).toBe('FY2025-Q4');
  });
});

describe('parsePeriodSpec', () => {
  const c = cal(2);
  const asOf = '2026-11-16';
  it('parses every accepted form', () => {
    expect(parsePeriodSpec('current', { calendar: c, asOf }).label).toBe('FY2027-Q4');
    expect(parsePeriodSpec(' Previous ', { calendar: c, asOf }).label).toBe('FY2027-Q3');
    expect(parsePeriodSpec('next', { calendar: c, asOf }).label).toBe('FY2028-Q1');
    expect(parsePeriodSpec('fy2026-q4', { calendar: c, asOf })).toMatchObject({
      start: '2025-11-01',
      end: '2026-01-31',
    });
    expect(parsePeriodSpec('FY2026-M11', { calendar: c, asOf })).toMatchObject({ start: '2025-12-01' });
    expect(parsePeriodSpec('FY2026', { calendar: c, asOf })).toMatchObject({ start: '2025-02-01', end: '2026-01-31' });
    expect(parsePeriodSpec('2026-01-01..2026-03-31', { calendar: c, asOf })).toMatchObject({ type: 'Custom' });
  });

  it.each(['FY2026-Q5', 'FY2026-M13', 'FY0000', '2026-02-30..2026-03-01', '2026-03-01..2026-01-01', 'last', ''])(
    'rejects %j naming the value and the accepted forms',
    (bad) => {
      try {
        parsePeriodSpec(bad, { calendar: c, asOf });
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(PeriodSpecError);
        expect((e as Error).message).toContain(JSON.stringify(bad));
        expect((e as Error).message).toContain('FY2026-Q4');
        expect((e as Error).message).toContain('2026-01-01..2026-03-31');
      }
    },
  );
});

describe('dayNumber', () => {
  it('agrees with Date.UTC on every day from 1900 to 2100 and rejects malformed dates', async () => {
    const { dayNumber, isoDateOfDay } = await import('./isoDate.js');
    for (let day = Date.UTC(1900, 0, 1) / 86_400_000; day <= Date.UTC(2100, 11, 31) / 86_400_000; day++) {
      if (dayNumber(isoDateOfDay(day)) !== day) throw new Error(`dayNumber(${isoDateOfDay(day)}) !== ${day}`);
    }
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(() => dayNumber('2026-1-01')).toThrow(/Not a date/);
    expect(() => dayNumber('2026-0a-01')).toThrow(/Not a date/);
  });
});
