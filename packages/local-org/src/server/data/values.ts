/**
 * Field values as the store holds them and as each wire shows them. In the store: `null`, numbers, booleans,
 * dates `YYYY-MM-DD` and datetimes as UTC ISO strings with milliseconds (`2026-03-08T17:04:05.000Z`). REST JSON
 * shows datetimes as `2026-03-08T17:04:05.000+0000`; Bulk API 2.0 CSV as the `Z` form.
 */
import type { FieldSchema } from '../schema/objectSchema.js';
import { isIdType, isNumberType, isTextType } from '../schema/objectSchema.js';
import { toCaseSafeId } from '../../sample-data/salesforceId.js';

export type Value = string | number | boolean | null;
export type StoredRecord = Record<string, Value>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** `2026-03-08T17:04:05Z`, `…05.000+0000`, `…05.000Z` → `2026-03-08T17:04:05.000Z`; null when not a datetime. */
export function normalizeDateTime(text: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return null;
  const zone =
    m[6] === undefined || m[6] === 'Z' ? 'Z' : m[6].length === 5 ? `${m[6].slice(0, 3)}:${m[6].slice(3)}` : m[6];
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${m[5] ?? ''}${zone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** 15- or 18-character Salesforce id → 18 characters; null when the text is not an id. */
export function normalizeId(text: string): string | null {
  if (/^[a-zA-Z0-9]{18}$/.test(text)) {
    return toCaseSafeId(text.slice(0, 15)) === text ? text : toCaseSafeId(text.slice(0, 15));
  }
  if (/^[a-zA-Z0-9]{15}$/.test(text)) return toCaseSafeId(text);
  return null;
}

/** A CSV cell (Data Loader / Bulk API form) as a stored value; empty is null. Lenient: bad numbers stay text. */
export function valueFromCsv(cell: string, field: FieldSchema | undefined): Value {
  if (cell === '') return null;
  if (!field) return cell;
  switch (field.type) {
    case 'boolean':
      return /^(true|1)$/i.test(cell);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      const n = Number(cell);
      return Number.isFinite(n) ? n : cell;
    }
    case 'datetime':
      return normalizeDateTime(cell) ?? cell;
    default:
      return cell;
  }
}

/** A stored value as REST JSON shows it. */
export function valueToJson(value: Value, field: FieldSchema | undefined): Value {
  if (typeof value === 'string' && field?.type === 'datetime') return value.replace(/Z$/, '+0000');
  return value;
}

/** A stored value as Bulk API 2.0 CSV shows it (unquoted text; the writer quotes). */
export function valueToCsv(value: Value): string {
  if (value === null) return '';
  return String(value);
}

export interface FieldError {
  readonly statusCode: string;
  readonly message: string;
  readonly fields: string[];
}

/**
 * A value sent in a write (JSON or a Bulk CSV cell) as a stored value, or the error Salesforce answers. Text is
 * checked against the field's length, numbers against precision/scale, restricted picklists against their values.
 */
export function valueFromInput(input: unknown, field: FieldSchema): { value: Value } | { error: FieldError } {
  if (input === null || input === undefined || input === '') return { value: null };
  const wrongType = (): { error: FieldError } => ({
    error: {
      statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
      message: `${field.label}: value not of required type: ${String(input)}`,
      fields: [field.name],
    },
  });
  if (isTextType(field.type)) {
    if (typeof input === 'object') return wrongType();
    const text = String(input);
    if (field.length > 0 && text.length > field.length) {
      return {
        error: {
          statusCode: 'STRING_TOO_LONG',
          message: `${field.label}: data value too large: ${text.length > 40 ? text.slice(0, 40) + '...' : text} (max length=${field.length})`,
          fields: [field.name],
        },
      };
    }
    if (field.type === 'picklist' && field.restrictedPicklist && !field.picklistValues.includes(text)) {
      return {
        error: {
          statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          message: `${field.label}: bad value for restricted picklist field: ${text}`,
          fields: [field.name],
        },
      };
    }
    if (field.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) {
      return {
        error: {
          statusCode: 'INVALID_EMAIL_ADDRESS',
          message: `${field.label}: invalid email address: ${text}`,
          fields: [field.name],
        },
      };
    }
    return { value: text };
  }
  if (isNumberType(field.type)) {
    const n =
      typeof input === 'number' ? input : typeof input === 'string' && input.trim() !== '' ? Number(input) : NaN;
    if (!Number.isFinite(n)) return wrongType();
    if (field.type === 'int' && !Number.isInteger(n)) return wrongType();
    if (field.precision > 0) {
      const integerDigits = Math.trunc(Math.abs(n)).toString().length;
      if (integerDigits > field.precision - field.scale) {
        return {
          error: {
            statusCode: 'NUMBER_OUTSIDE_VALID_RANGE',
            message: `${field.label}: value outside of valid range on numeric field: ${n}`,
            fields: [field.name],
          },
        };
      }
    }
    const factor = 10 ** field.scale;
    return { value: field.type === 'int' ? n : Math.round(n * factor) / factor };
  }
  if (field.type === 'boolean') {
    if (typeof input === 'boolean') return { value: input };
    if (typeof input === 'string' && /^(true|false)$/i.test(input)) return { value: input.toLowerCase() === 'true' };
    return wrongType();
  }
  if (field.type === 'date') {
    if (typeof input !== 'string') return wrongType();
    const text = /^\d{4}-\d{2}-\d{2}T/.test(input) ? input.slice(0, 10) : input;
    return isValidDate(text) ? { value: text } : wrongType();
  }
  if (field.type === 'datetime') {
    if (typeof input !== 'string') return wrongType();
    const normalized = isValidDate(input) ? `${input}T00:00:00.000Z` : normalizeDateTime(input);
    return normalized ? { value: normalized } : wrongType();
  }
  if (isIdType(field.type)) {
    const id = typeof input === 'string' ? normalizeId(input) : null;
    if (!id) {
      return {
        error: {
          statusCode: 'MALFORMED_ID',
          message: `${field.label}: id value of incorrect type: ${String(input)}`,
          fields: [field.name],
        },
      };
    }
    return { value: id };
  }
  return { value: typeof input === 'object' ? JSON.stringify(input) : (input as Value) };
}
