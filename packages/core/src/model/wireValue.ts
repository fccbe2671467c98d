/**
 * Coercion of one field value from Salesforce's wire forms into the domain model's form.
 *
 * Wire forms: REST JSON (numbers, booleans, `null`, dates `2026-01-31`, datetimes `2026-01-31T17:03:00.000+0000`)
 * and CSV strings as Data Loader, Data Export, Bulk API 2.0 and `sf data query --result-format csv` write them
 * (empty string for null, `true`/`false` or `1`/`0`, datetimes ending in `Z`).
 *
 * Model forms: text and ids as strings, numbers as finite numbers, booleans, dates as `YYYY-MM-DD`, datetimes as
 * UTC ISO strings `YYYY-MM-DDTHH:mm:ss.sssZ`. Null stays null. A value that cannot be coerced gives `INVALID`.
 */
import { digits } from '../calendar/digits.js';

export type FieldKind = 'id' | 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime';

/** Marker for a value that is not a valid wire form of its field kind. */
export const INVALID: unique symbol = Symbol('invalid wire value');
export type Invalid = typeof INVALID;

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when y-m-d is a real day of the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  // A table made once, not an array per call: readers check millions of dates.
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

function coerceId(value: unknown): string | null | Invalid {
  if (isBlank(value)) return null;
  return typeof value === 'string' && ID.test(value) ? value : INVALID;
}

function coerceText(value: unknown): string | null | Invalid {
  if (isBlank(value)) return null;
  return typeof value === 'string' ? value : INVALID;
}

function coerceNumber(value: unknown): number | null | Invalid {
  if (isBlank(value)) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : INVALID;
  if (typeof value !== 'string') return INVALID;
  const trimmed = value.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : INVALID;
}

function coerceInteger(value: unknown): number | null | Invalid {
  const n = coerceNumber(value);
  return n === null || n === INVALID || Number.isInteger(n) ? n : INVALID;
}

function coerceBoolean(value: unknown): boolean | null | Invalid {
  if (isBlank(value)) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return INVALID;
  switch (value.trim().toLowerCase()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      return INVALID;
  }
}

function coerceDate(value: unknown): string | null | Invalid {
  if (isBlank(value)) return null;
  if (typeof value !== 'string') return INVALID;
  const m = DATE.exec(value.trim());
  if (!m) return INVALID;
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? (m[0] as string) : INVALID;
}

function coerceDateTime(value: unknown): string | null | Invalid {
  if (isBlank(value)) return null;
  if (typeof value !== 'string') return INVALID;
  if (isCanonicalDateTime(value)) return value; // the common case, kept as it is: no parsing, no new string
  const m = DATETIME.exec(value.trim());
  if (!m) return INVALID;
  const [, date = '', hh = '', mi = '', ss = '00', frac = '', zone = 'Z'] = m;
  const d = DATE.exec(date);
  if (!d || !isCalendarDate(Number(d[1]), Number(d[2]), Number(d[3]))) return INVALID;
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return INVALID;
  const millis = Number((frac + '000').slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  const utc =
    Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(hh), Number(mi), Number(ss), millis) -
    offsetMinutes * 60_000;
  // toISOString gives the canonical form as one flat string (a concatenation would keep a tree of pieces per value).
  return utc >= MIN_ISO_YEAR_MS && utc < MAX_ISO_YEAR_MS ? new Date(utc).toISOString() : INVALID;
}

const MIN_ISO_YEAR_MS = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const MAX_ISO_YEAR_MS = 253_402_300_800_000; // 10000-01-01: toISOString writes ±YYYYYY from there on

/** `YYYY-MM-DDTHH:MM:SS.sssZ` with a real date and time: the form Data Export and the canonical wire form use. */
function isCanonicalDateTime(v: string): boolean {
  if (v.length !== 24 || v[4] !== '-' || v[7] !== '-' || v[10] !== 'T' || v[13] !== ':' || v[16] !== ':') return false;
  if (v[19] !== '.' || v[23] !== 'Z') return false;
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 2);
  const day = digits(v, 8, 2);
  const hour = digits(v, 11, 2);
  const minute = digits(v, 14, 2);
  const second = digits(v, 17, 2);
  return (
    digits(v, 20, 3) >= 0 &&
    year >= 0 &&
    isCalendarDate(year, month, day) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

/** The coercion function of each field kind. */
export const coerceWireValue: Record<FieldKind, (value: unknown) => unknown> = {
  id: coerceId,
  text: coerceText,
  number: coerceNumber,
  integer: coerceInteger,
  boolean: coerceBoolean,
  date: coerceDate,
  datetime: coerceDateTime,
};

/** What each kind accepts, for error messages. */
export const acceptedWireForms: Record<FieldKind, string> = {
  id: 'a 15- or 18-character Salesforce Id',
  text: 'text',
  number: 'a number such as 1250.5 (no thousands separators or currency symbols)',
  integer: 'a whole number',
  boolean: 'true or false (or 1 or 0)',
  date: 'a date as YYYY-MM-DD',
  datetime: 'a datetime as YYYY-MM-DDTHH:mm:ss.sssZ (or with a +hhmm offset)',
};
