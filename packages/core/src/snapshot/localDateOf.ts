import { daysFromCivil, isoDateOfDay } from '../calendar/index.js';

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;
const DAY = 86_400_000;

/**
 * Converts UTC datetimes (`2026-01-31T23:30:00.000Z`, or `…+0000` as the REST API writes them) to dates in an IANA
 * time zone, as Salesforce shows them to users of an org in that zone. A million-deal org converts several million
 * datetimes, so the common shapes are parsed by hand, offsets are looked up once per quarter hour, and each date
 * string is made once per day and shared; anything else goes through `Date.parse`.
 *
 * @example
 * const localDateOf = createLocalDateOf('America/Los_Angeles');
 * localDateOf('2026-02-01T05:00:00.000Z'); // '2026-01-31'
 */
export function createLocalDateOf(timeZone: string): (isoDateTime: string) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map<number, number>();
  const dates = new Map<number, string>();

  function offsetAt(bucket: number): number {
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * QUARTER_HOUR;
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!);
      offset = wall - at;
      offsets.set(bucket, offset);
    }
    return offset;
  }

  return (isoDateTime) => {
    const utc = utcMillis(isoDateTime) ?? Date.parse(isoDateTime);
    if (Number.isNaN(utc)) throw new RangeError(`Not a datetime: ${JSON.stringify(isoDateTime)}`);
    const day = Math.floor((utc + offsetAt(Math.floor(utc / QUARTER_HOUR))) / DAY);
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = isoDateOfDay(day)));
    return date;
  };
}

/**
 * Milliseconds since the epoch of `YYYY-MM-DDTHH:MM:SS[.sss](Z|±HH:MM|±HHMM)`: NaN when a value is impossible
 * (February 30th, hour 24), null for any other shape, which the caller hands to `Date.parse`.
 */
function utcMillis(text: string): number | null {
  const n = text.length;
  if (n < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return null;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === start || i - start > 3) return null;
    millis = digits(text, start, i - start) * 10 ** (3 - (i - start));
  }
  let zone: number;
  const sign = text.charCodeAt(i);
  if (sign === 90 && i + 1 === n) zone = 0;
  else if ((sign === 43 || sign === 45) && (n - i === 6 || n - i === 5)) {
    const colon = n - i === 6;
    if (colon && text.charCodeAt(i + 3) !== 58) return null;
    const zh = digits(text, i + 1, 2);
    const zm = digits(text, i + (colon ? 4 : 3), 2);
    if (zh < 0 || zm < 0) return null;
    zone = (sign === 43 ? 1 : -1) * (zh * 60 + zm) * MINUTE;
  } else return null;
  return daysFromCivil(year, month, day) * DAY + hour * 3_600_000 + minute * MINUTE + second * 1000 + millis - zone;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
