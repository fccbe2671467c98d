/**
 * SOQL date functions (`CALENDAR_YEAR(CloseDate)`, `FISCAL_QUARTER(convertTimezone(CreatedDate))`, `DAY_ONLY(…)`):
 * UTC unless the field is wrapped in convertTimezone(), fiscal ones from the org's fiscal year settings.
 */
import type { FunctionExp } from '@jetstreamapp/soql-parser-js';
import type { StoredRecord, Value } from '../data/values.js';
import type { ObjectEntry } from '../schema/schemaRegistry.js';
import { localDateOf, type Compilation } from './compilation.js';
import { fiscalMonthOf, fiscalQuarterOf, fiscalYearOf } from './dateLiterals.js';
import { resolvePath } from './fieldPath.js';
import { malformedQuery, offsetOf, soqlErrorAt } from './soqlError.js';

const DATE_FUNCTIONS = new Set([
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR',
]);

export interface DateFunction {
  readonly get: (record: StoredRecord) => Value;
  /** The function as written (`CALENDAR_YEAR(CloseDate)`). */
  readonly raw: string;
}

/** Date function value of a field (`CALENDAR_YEAR(CloseDate)`), UTC unless wrapped in convertTimezone(). */
export function resolveDateFunction(c: Compilation, entry: ObjectEntry, fn: FunctionExp, alias?: string): DateFunction {
  const name = (fn.functionName ?? '').toUpperCase();
  if (!DATE_FUNCTIONS.has(name)) {
    throw soqlErrorAt(
      'MALFORMED_QUERY',
      c.soql,
      offsetOf(c.soql, fn.functionName ?? ''),
      `function ${fn.functionName ?? ''} is not supported by the local org`,
    );
  }
  let param = fn.parameters?.[0];
  let local = false;
  if (param && typeof param === 'object' && (param.functionName ?? '').toLowerCase() === 'converttimezone') {
    local = true;
    param = param.parameters?.[0];
  }
  if (typeof param !== 'string') throw malformedQuery(c.soql, new Error(`found --> '${fn.rawValue ?? name}' <--`));
  const path = resolvePath(c, entry, param, alias);
  const type = path.field.type;
  if (type !== 'date' && type !== 'datetime') {
    throw soqlErrorAt(
      'MALFORMED_QUERY',
      c.soql,
      offsetOf(c.soql, param),
      `${name} only supports date and dateTime fields`,
    );
  }
  const calendar = c.context.calendar;
  const dateOf = (v: string): string => (type === 'date' ? v : local ? localDateOf(c, v) : v.slice(0, 10));
  const get = (record: StoredRecord): Value => {
    const v = path.get(record);
    if (typeof v !== 'string') return null;
    const d = dateOf(v);
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const dayNumber = Math.floor(Date.UTC(y, m - 1, day) / 86_400_000);
    switch (name) {
      case 'CALENDAR_YEAR':
        return y;
      case 'CALENDAR_MONTH':
        return m;
      case 'CALENDAR_QUARTER':
        return Math.floor((m - 1) / 3) + 1;
      case 'DAY_IN_MONTH':
        return day;
      case 'DAY_IN_WEEK':
        return ((dayNumber + 4) % 7) + 1;
      case 'DAY_IN_YEAR':
        return dayNumber - Math.floor(Date.UTC(y, 0, 1) / 86_400_000) + 1;
      case 'DAY_ONLY':
        return d;
      case 'FISCAL_MONTH':
        return fiscalMonthOf(d, calendar);
      case 'FISCAL_QUARTER':
        return fiscalQuarterOf(d, calendar);
      case 'FISCAL_YEAR':
        return fiscalYearOf(d, calendar);
      case 'HOUR_IN_DAY':
        return type === 'datetime' ? Number(v.slice(11, 13)) : 0;
      case 'WEEK_IN_MONTH':
        return Math.floor((day - 1) / 7) + 1;
      case 'WEEK_IN_YEAR':
        return Math.floor((dayNumber - Math.floor(Date.UTC(y, 0, 1) / 86_400_000)) / 7) + 1;
      default:
        return null;
    }
  };
  return { get, raw: fn.rawValue ?? name };
}
