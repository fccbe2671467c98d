/**
 * Day arithmetic and org-local time for the sample org. Days are integers (days since 1970-01-01) so that the
 * generator's hot loop does no string work until it writes a row.
 *
 * The sample org's time zone is America/Los_Angeles; its UTC offset follows the US rule in force since 2007
 * (daylight time from the second Sunday of March to the first Sunday of November, switching at 02:00 local).
 */
export const SAMPLE_TIME_ZONE = 'America/Los_Angeles';

const MS_PER_DAY = 86_400_000;

export function dayOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function ymdOf(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

export function dayOfYmd(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

/** First day of the month `months` after the month of `day` (negative goes back). */
export function monthStartDay(day: number, months = 0): number {
  const { year, month } = ymdOf(day);
  return dayOfYmd(year, month + months, 1);
}

/** Last day of the month that contains `day`. */
export function monthEndDay(day: number): number {
  return monthStartDay(day, 1) - 1;
}

/** The n-th Sunday (1-based) of a month, as a day number. */
function nthSunday(year: number, month: number, n: number): number {
  const first = dayOfYmd(year, month, 1);
  const weekday = (first + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return first + ((7 - weekday) % 7) + 7 * (n - 1);
}

/** Hours behind UTC of Los Angeles at a local wall-clock time. */
export function losAngelesOffsetHours(day: number, localHour: number): number {
  const { year } = ymdOf(day);
  const dstStart = nthSunday(year, 3, 2);
  const dstEnd = nthSunday(year, 11, 1);
  const afterStart = day > dstStart || (day === dstStart && localHour >= 2);
  const beforeEnd = day < dstEnd || (day === dstEnd && localHour < 1);
  return afterStart && beforeEnd ? 7 : 8;
}

/** The UTC datetime (Salesforce's `2026-03-08T17:04:05.000Z` form) of an org-local day and time. */
export function utcDateTime(day: number, hour: number, minute: number, second: number): string {
  const ms = day * MS_PER_DAY + ((hour + losAngelesOffsetHours(day, hour)) * 60 + minute) * 60_000 + second * 1000;
  return new Date(ms).toISOString();
}
