import { daysFromCivil, isoDateOfDay } from '../calendar/index.js';
import { digits } from '../calendar/digits.js';

const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;
const DAY = 86_400_000;

/**
 * Converts UTC datetimes (`2026-01-31T23:30:00.000Z`, or `…+0000` as the REST API writes them) to dates in an IANA
 * time zone, as Salesforce shows them to users of an org in that zone. A million-deal org converts several million
 * datetimes, so the common shapes are parsed by hand, offsets are looked up once per day (per quarter hour on a day
 * the offset changes), and each date string is made once per day and shared; anything else goes through `Date.parse`.
 *
 * @example
 * const localDateOf = createLocalDateOf('America/Los_Angeles');
 * localDateOf('2026-02-01T05:00:00.000Z'); // '2026-01-31'
 */
export function createLocalDateOf(
  timeZone: string,
  /** The zone's `createLocalDayOf`, when the caller has one (its offsets are looked up once for both). */
  localDayOf: (isoDateTime: string) => number = createLocalDayOf(timeZone),
): (isoDateTime: string) => string {
  const dates = new Map<number, string>();
  return (isoDateTime) => {
    const day = localDayOf(isoDateTime);
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = isoDateOfDay(day)));
    return date;
  };
}

/**
 * As `createLocalDateOf`, the local date as a day number (days since 1970-01-01), for callers that compare or count
 * days: no date string is made or parsed.
 *
 * @example
 * createLocalDayOf('America/Los_Angeles')('2026-02-01T05:00:00.000Z'); // dayNumber('2026-01-31')
 */
export function createLocalDayOf(
  timeZone: string,
  /** The zone's `createLocalDayOfMillis`, when the caller has one (its offsets are looked up once for both). */
  dayOfMillis: (utcMillis: number) => number = createLocalDayOfMillis(timeZone),
): (isoDateTime: string) => number {
  return (isoDateTime) => {
    const utc = utcMillisOf(isoDateTime);
    if (Number.isNaN(utc)) throw new RangeError(`Not a datetime: ${JSON.stringify(isoDateTime)}`);
    return dayOfMillis(utc);
  };
}

/**
 * As `createLocalDayOf`, for an instant given as milliseconds since the epoch (`OpportunityHistoryTable.createdAt`).
 *
 * @example
 * createLocalDayOfMillis('America/Los_Angeles')(Date.UTC(2026, 1, 1, 5)); // dayNumber('2026-01-31')
 */
export function createLocalDayOfMillis(timeZone: string): (utcMillis: number) => number {
  const offsetAt = createOffsets(timeZone);
  return (utc) => Math.floor((utc + offsetAt(utc)) / DAY);
}

/** Milliseconds since the epoch of a datetime (the shapes `createLocalDateOf` takes); NaN when it is none. */
export function utcMillisOf(isoDateTime: string): number {
  return utcMillis(isoDateTime) ?? Date.parse(isoDateTime);
}

const QUARTERS_A_DAY = DAY / QUARTER_HOUR;
/** What the offsets by UTC day hold for a day whose offset changes during it. */
const CHANGES = Infinity;

/**
 * The zone's offset from UTC in milliseconds at an instant. Offsets change on quarter hours, and on few days: Intl
 * is asked for the first and the last quarter hour of each UTC day an instant falls on, and when both agree the day
 * has one offset (no zone changes twice within a day and back); on a day that changes, it is asked for each quarter
 * hour. The answers are kept: millions of history rows fall on a few thousand days.
 */
function createOffsets(timeZone: string): (utcMillis: number) => number {
  const offsetAt = intlOffsets(timeZone);
  const byDay = new NumberBlocks();
  const byQuarter = new NumberBlocks(); // on days whose offset changes
  return (utc) => {
    const day = Math.floor(utc / DAY);
    let offset = byDay.get(day);
    if (Number.isNaN(offset)) {
      const first = day * QUARTERS_A_DAY;
      const start = offsetAt(first);
      offset = start === offsetAt(first + QUARTERS_A_DAY - 1) ? start : CHANGES;
      byDay.set(day, offset);
    }
    if (offset !== CHANGES) return offset;
    const bucket = Math.floor(utc / QUARTER_HOUR);
    offset = byQuarter.get(bucket);
    if (Number.isNaN(offset)) byQuarter.set(bucket, (offset = offsetAt(bucket)));
    return offset;
  };
}

const BLOCK = 1024; // numbers kept together

/** Numbers by integer key (NaN for a key never set), in blocks of arrays; the block used last is kept at hand. */
class NumberBlocks {
  private readonly blocks = new Map<number, Float64Array>();
  private lastKey = NaN;
  private last: Float64Array = new Float64Array(0);

  get(key: number): number {
    return this.block(key)[key - this.lastKey * BLOCK] as number;
  }

  set(key: number, value: number): void {
    this.block(key)[key - this.lastKey * BLOCK] = value;
  }

  private block(key: number): Float64Array {
    const first = Math.floor(key / BLOCK);
    if (first !== this.lastKey) {
      let block = this.blocks.get(first);
      if (block === undefined) this.blocks.set(first, (block = new Float64Array(BLOCK).fill(NaN)));
      this.lastKey = first;
      this.last = block;
    }
    return this.last;
  }
}

/** The zone's offset from UTC in milliseconds at the start of a quarter hour (milliseconds / 15 minutes), from Intl. */
function intlOffsets(timeZone: string): (bucket: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  // The order of the numbers in a formatted date ('1/31/2026, 17:03': month, day, year, hour, minute).
  const order = format
    .formatToParts(0)
    .filter((p) => p.type !== 'literal')
    .map((p) => p.type);

  /** Year, month, day, hour and minute of the wall clock at `at`. */
  function wallClock(at: number): Record<string, number> {
    const parts: Record<string, number> = {};
    // format() and its numbers are about three times as fast as formatToParts(); its parts when it has other numbers.
    const numbers = format.format(at).match(/\d+/g);
    if (numbers?.length === order.length) order.forEach((type, i) => (parts[type] = Number(numbers[i])));
    else for (const p of format.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    return parts;
  }

  return (bucket) => {
    const at = bucket * QUARTER_HOUR;
    const parts = wallClock(at);
    return Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!) - at;
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

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
