import { addDays, daysBetween, monthStart, type IsoDate } from './isoDate.js';
import { fiscalLabel, type FiscalPeriod } from './fiscalPeriod.js';

/** Organization's standard fiscal-year settings. */
export interface FiscalSettings {
  readonly FiscalYearStartMonth: number;
  readonly UsesStartDateAsFiscalYearName: boolean;
}

/** A custom fiscal year (FiscalYearSettings). */
export interface FiscalYearInput {
  readonly Id: string;
  readonly Name: string;
  readonly StartDate: IsoDate;
  readonly EndDate: IsoDate;
  readonly IsStandardYear?: boolean | null;
}

/** A Period record of a custom fiscal year. */
export interface PeriodInput {
  readonly FiscalYearSettingsId: string | null;
  readonly Type: string;
  readonly StartDate: IsoDate;
  readonly EndDate: IsoDate;
  readonly Number: number | null;
}

export type CalendarPeriodType = 'Year' | 'Quarter' | 'Month';

export interface FiscalCalendar {
  /** The fiscal period of `type` that contains `date`. */
  periodOf(date: IsoDate, type: CalendarPeriodType): FiscalPeriod;
  /** The period named `FY2026`, `FY2026-Q4` or `FY2026-M11`; null when the label names no period. */
  periodByLabel(label: string): FiscalPeriod | null;
  /** The period of the same type just before (a custom range: the range of the same length just before). */
  previous(period: FiscalPeriod): FiscalPeriod;
  /** The period of the same type just after. */
  next(period: FiscalPeriod): FiscalPeriod;
  /** The `n` periods before `period`, most recent first. */
  previousPeriods(period: FiscalPeriod, n: number): FiscalPeriod[];
  /** Days from the first day of `period` up to and including `asOf`, clamped to 0..totalDays. */
  elapsedDays(period: FiscalPeriod, asOf: IsoDate): number;
  /** All days of `period`. */
  totalDays(period: FiscalPeriod): number;
}

interface CustomYear {
  name: number;
  start: IsoDate;
  end: IsoDate;
  quarters: FiscalPeriod[];
  months: FiscalPeriod[];
}

const LABEL = /^FY(\d{4})(?:-([QM])(\d{1,2}))?$/;

/**
 * A fiscal calendar: standard fiscal years from the org settings (named by the year they end in, unless
 * `UsesStartDateAsFiscalYearName`), with custom fiscal years from FiscalYearSettings + Period records taking
 * precedence for the dates they cover.
 *
 * @example
 * const cal = createFiscalCalendar({ settings: { FiscalYearStartMonth: 2, UsesStartDateAsFiscalYearName: false } });
 * cal.periodOf('2026-11-16', 'Quarter').label; // 'FY2027-Q4' (2026-11-01..2027-01-31)
 */
export function createFiscalCalendar(input: {
  settings: FiscalSettings;
  fiscalYears?: readonly FiscalYearInput[];
  periods?: readonly PeriodInput[];
}): FiscalCalendar {
  const startMonth = input.settings.FiscalYearStartMonth;
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`FiscalYearStartMonth must be 1-12, got ${startMonth}`);
  }
  const byStart = input.settings.UsesStartDateAsFiscalYearName;
  const customYears = buildCustomYears(input.fiscalYears ?? [], input.periods ?? []);

  /** Name of the standard fiscal year that starts in calendar year `startYear`. */
  const nameOf = (startYear: number) => (byStart || startMonth === 1 ? startYear : startYear + 1);
  const startYearOf = (name: number) => (byStart || startMonth === 1 ? name : name - 1);

  function standard(name: number, type: CalendarPeriodType, number: number | null): FiscalPeriod {
    const y = startYearOf(name);
    const [first, length] =
      type === 'Year' ? [0, 12] : type === 'Quarter' ? [((number ?? 1) - 1) * 3, 3] : [(number ?? 1) - 1, 1];
    return {
      label: fiscalLabel(name, type, type === 'Year' ? null : number),
      type,
      fiscalYear: name,
      number: type === 'Year' ? null : number,
      start: monthStart(y, startMonth, first),
      end: addDays(monthStart(y, startMonth, first + length), -1),
    };
  }

  function customYearOf(date: IsoDate): CustomYear | undefined {
    for (const year of customYears) if (year.start <= date && date <= year.end) return year;
    return undefined;
  }

  function periodOf(date: IsoDate, type: CalendarPeriodType): FiscalPeriod {
    const custom = customYearOf(date);
    if (custom) {
      if (type === 'Year') return customYearPeriod(custom);
      const list = type === 'Quarter' ? custom.quarters : custom.months;
      const found = list.find((p) => p.start <= date && date <= p.end);
      if (found) return found;
    }
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const startYear = m >= startMonth ? y : y - 1;
    const index = (m - startMonth + 12) % 12;
    const name = nameOf(startYear);
    return standard(name, type, type === 'Year' ? null : type === 'Quarter' ? Math.floor(index / 3) + 1 : index + 1);
  }

  function periodByLabel(label: string): FiscalPeriod | null {
    const m = LABEL.exec(label.trim().toUpperCase());
    if (!m) return null;
    const name = Number(m[1]);
    const kind = m[2];
    const number = m[3] === undefined ? null : Number(m[3]);
    if (name < 1 || (kind === 'Q' && (number! < 1 || number! > 4)) || (kind === 'M' && (number! < 1 || number! > 12))) {
      return null;
    }
    const type: CalendarPeriodType = kind === 'Q' ? 'Quarter' : kind === 'M' ? 'Month' : 'Year';
    const custom = customYears.find((c) => c.name === name);
    if (custom) {
      if (type === 'Year') return customYearPeriod(custom);
      return (type === 'Quarter' ? custom.quarters : custom.months).find((p) => p.number === number) ?? null;
    }
    return standard(name, type, number);
  }

  const totalDays = (p: FiscalPeriod) => daysBetween(p.start, p.end) + 1;

  function previous(p: FiscalPeriod): FiscalPeriod {
    if (p.type === 'Custom') return range(addDays(p.start, -totalDays(p)), addDays(p.start, -1));
    return periodOf(addDays(p.start, -1), p.type);
  }

  function next(p: FiscalPeriod): FiscalPeriod {
    if (p.type === 'Custom') return range(addDays(p.end, 1), addDays(p.end, totalDays(p)));
    return periodOf(addDays(p.end, 1), p.type);
  }

  return {
    periodOf,
    periodByLabel,
    previous,
    next,
    previousPeriods(period, n) {
      const out: FiscalPeriod[] = [];
      let p = period;
      for (let i = 0; i < n; i++) out.push((p = previous(p)));
      return out;
    },
    elapsedDays(period, asOf) {
      return Math.min(Math.max(daysBetween(period.start, asOf) + 1, 0), totalDays(period));
    },
    totalDays,
  };
}

/** A custom `YYYY-MM-DD..YYYY-MM-DD` range as a period. */
export function range(start: IsoDate, end: IsoDate): FiscalPeriod {
  return { label: `${start}..${end}`, type: 'Custom', fiscalYear: null, number: null, start, end };
}

function customYearPeriod(year: CustomYear): FiscalPeriod {
  return {
    label: fiscalLabel(year.name, 'Year', null),
    type: 'Year',
    fiscalYear: year.name,
    number: null,
    start: year.start,
    end: year.end,
  };
}

function buildCustomYears(years: readonly FiscalYearInput[], periods: readonly PeriodInput[]): CustomYear[] {
  const out: CustomYear[] = [];
  for (const year of years) {
    if (year.IsStandardYear === true) continue;
    const name = Number(year.Name);
    if (!Number.isInteger(name)) continue;
    const own = periods
      .filter((p) => p.FiscalYearSettingsId === year.Id)
      .sort((a, b) => (a.StartDate < b.StartDate ? -1 : 1));
    const make = (type: 'Quarter' | 'Month') =>
      own
        .filter((p) => p.Type === type)
        .map((p, i): FiscalPeriod => {
          const number = p.Number ?? i + 1;
          return {
            label: fiscalLabel(name, type, number),
            type,
            fiscalYear: name,
            number,
            start: p.StartDate,
            end: p.EndDate,
          };
        });
    out.push({ name, start: year.StartDate, end: year.EndDate, quarters: make('Quarter'), months: make('Month') });
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : 1));
}
