/**
 * SOQL date literals as inclusive day ranges relative to "today" in the org's time zone and the org's standard
 * fiscal year (SOQL and SOSL Reference, "Date Formats and Date Literals":
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm).
 * Weeks start on Sunday (en_US locale). `LAST_N_DAYS:n` covers today and the n days before it; `NEXT_N_DAYS:n`
 * the n days after today.
 */
import { dayOf, dayOfYmd, isoOf, ymdOf } from '../../sample-data/orgTime.js';

export interface CalendarSettings {
  /** Today in the org's time zone, `YYYY-MM-DD`. */
  readonly today: string;
  /** 1 = January. */
  readonly fiscalYearStartMonth: number;
  /** FY named by the calendar year it starts in (true) or ends in (false, Salesforce's default). */
  readonly usesStartDateAsFiscalYearName: boolean;
}

/** Inclusive range of `YYYY-MM-DD` days. */
export interface DayRange {
  readonly start: string;
  readonly end: string;
}

function monthStart(day: number, months: number): number {
  const { year, month } = ymdOf(day);
  return dayOfYmd(year, month + months, 1);
}

/** First day of the period of `periodMonths` months (starting in `startMonth`) that contains `day`, shifted by `n`. */
function periodStart(day: number, periodMonths: number, startMonth: number, n: number): number {
  const { year, month } = ymdOf(day);
  const offset = (((month - startMonth) % periodMonths) + periodMonths) % periodMonths;
  return dayOfYmd(year, month - offset + n * periodMonths, 1);
}

function range(start: number, end: number): DayRange {
  return { start: isoOf(start), end: isoOf(end) };
}

/** The range of a date literal, `n` for the `_N_` forms; undefined for a literal the local org does not know. */
export function dateLiteralRange(literal: string, settings: CalendarSettings, n = 0): DayRange | undefined {
  const today = dayOf(settings.today);
  const fy = settings.fiscalYearStartMonth;
  const week = today - ((today + 4) % 7); // 1970-01-01 was a Thursday; weeks start on Sunday
  const span = (months: number, startMonth: number, from: number, to: number): DayRange =>
    range(periodStart(today, months, startMonth, from), periodStart(today, months, startMonth, to + 1) - 1);
  switch (literal.toUpperCase()) {
    case 'YESTERDAY':
      return range(today - 1, today - 1);
    case 'TODAY':
      return range(today, today);
    case 'TOMORROW':
      return range(today + 1, today + 1);
    case 'LAST_WEEK':
      return range(week - 7, week - 1);
    case 'THIS_WEEK':
      return range(week, week + 6);
    case 'NEXT_WEEK':
      return range(week + 7, week + 13);
    case 'LAST_MONTH':
      return range(monthStart(today, -1), monthStart(today, 0) - 1);
    case 'THIS_MONTH':
      return range(monthStart(today, 0), monthStart(today, 1) - 1);
    case 'NEXT_MONTH':
      return range(monthStart(today, 1), monthStart(today, 2) - 1);
    case 'LAST_90_DAYS':
      return range(today - 90, today);
    case 'NEXT_90_DAYS':
      return range(today + 1, today + 90);
    case 'LAST_QUARTER':
      return span(3, 1, -1, -1);
    case 'THIS_QUARTER':
      return span(3, 1, 0, 0);
    case 'NEXT_QUARTER':
      return span(3, 1, 1, 1);
    case 'LAST_YEAR':
      return span(12, 1, -1, -1);
    case 'THIS_YEAR':
      return span(12, 1, 0, 0);
    case 'NEXT_YEAR':
      return span(12, 1, 1, 1);
    case 'LAST_FISCAL_QUARTER':
      return span(3, fy, -1, -1);
    case 'THIS_FISCAL_QUARTER':
      return span(3, fy, 0, 0);
    case 'NEXT_FISCAL_QUARTER':
      return span(3, fy, 1, 1);
    case 'LAST_FISCAL_YEAR':
      return span(12, fy, -1, -1);
    case 'THIS_FISCAL_YEAR':
      return span(12, fy, 0, 0);
    case 'NEXT_FISCAL_YEAR':
      return span(12, fy, 1, 1);
    case 'LAST_N_DAYS':
      return range(today - n, today);
    case 'NEXT_N_DAYS':
      return range(today + 1, today + n);
    case 'N_DAYS_AGO':
      return range(today - n, today - n);
    case 'LAST_N_WEEKS':
      return range(week - 7 * n, week - 1);
    case 'NEXT_N_WEEKS':
      return range(week + 7, week + 7 * (n + 1) - 1);
    case 'N_WEEKS_AGO':
      return range(week - 7 * n, week - 7 * n + 6);
    case 'LAST_N_MONTHS':
      return range(monthStart(today, -n), monthStart(today, 0) - 1);
    case 'NEXT_N_MONTHS':
      return range(monthStart(today, 1), monthStart(today, n + 1) - 1);
    case 'N_MONTHS_AGO':
      return range(monthStart(today, -n), monthStart(today, -n + 1) - 1);
    case 'LAST_N_QUARTERS':
      return span(3, 1, -n, -1);
    case 'NEXT_N_QUARTERS':
      return span(3, 1, 1, n);
    case 'N_QUARTERS_AGO':
      return span(3, 1, -n, -n);
    case 'LAST_N_YEARS':
      return span(12, 1, -n, -1);
    case 'NEXT_N_YEARS':
      return span(12, 1, 1, n);
    case 'N_YEARS_AGO':
      return span(12, 1, -n, -n);
    case 'LAST_N_FISCAL_QUARTERS':
      return span(3, fy, -n, -1);
    case 'NEXT_N_FISCAL_QUARTERS':
      return span(3, fy, 1, n);
    case 'N_FISCAL_QUARTERS_AGO':
      return span(3, fy, -n, -n);
    case 'LAST_N_FISCAL_YEARS':
      return span(12, fy, -n, -1);
    case 'NEXT_N_FISCAL_YEARS':
      return span(12, fy, 1, n);
    case 'N_FISCAL_YEARS_AGO':
      return span(12, fy, -n, -n);
    default:
      return undefined;
  }
}

/** FISCAL_YEAR() of a `YYYY-MM-DD` day under the settings. */
export function fiscalYearOf(date: string, settings: CalendarSettings): number {
  const { year, month } = ymdOf(dayOf(date));
  const fy = settings.fiscalYearStartMonth;
  if (fy === 1) return year;
  const startYear = month >= fy ? year : year - 1;
  return settings.usesStartDateAsFiscalYearName ? startYear : startYear + 1;
}

/** FISCAL_QUARTER() (1–4) of a day. */
export function fiscalQuarterOf(date: string, settings: CalendarSettings): number {
  const { month } = ymdOf(dayOf(date));
  return Math.floor(((((month - settings.fiscalYearStartMonth) % 12) + 12) % 12) / 3) + 1;
}

/** FISCAL_MONTH() (1–12) of a day. */
export function fiscalMonthOf(date: string, settings: CalendarSettings): number {
  const { month } = ymdOf(dayOf(date));
  return ((((month - settings.fiscalYearStartMonth) % 12) + 12) % 12) + 1;
}

/** Today's date in a time zone at an instant, `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
