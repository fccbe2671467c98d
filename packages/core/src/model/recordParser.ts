import type * as z from 'zod/mini';
import { fieldMeta, type FieldMeta } from './field.js';
import { acceptedWireForms, coerceWireValue, INVALID } from './wireValue.js';

/** Where a raw record came from, so that an error can point at it (file and line for CSV, nothing for the API). */
export interface RecordSource {
  file?: string;
  line?: number;
}

/** A record that does not fit its schema. Names the object, the record Id, the field, the value and the fix. */
export class RecordParseError extends Error {
  override readonly name = 'RecordParseError';
  constructor(
    readonly sobject: string,
    readonly recordId: string | null,
    readonly field: string,
    readonly value: unknown,
    readonly expected: string,
    readonly source: RecordSource = {},
  ) {
    const where = [
      source.file ? `${source.file}${source.line !== undefined ? `:${source.line}` : ''}` : null,
      `${sobject}${recordId ? ` ${recordId}` : ''}`,
    ]
      .filter(Boolean)
      .join(', ');
    const shown = value === undefined ? 'a missing value' : JSON.stringify(value);
    super(`${where}: field ${field} has ${shown}; expected ${expected}.`);
  }
}

/**
 * Flattens a REST JSON record: drops `attributes` and turns nested parent records into dotted keys
 * (`{ Owner: { attributes, Name } }` becomes `{ 'Owner.Name': … }`), as CSV exports name those columns.
 *
 * @example
 * flattenRecord({ attributes: { type: 'Opportunity' }, Id: '006…', Owner: { Name: 'Ann' } });
 * // → { Id: '006…', 'Owner.Name': 'Ann' }
 */
export function flattenRecord(raw: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}) {
  for (const key in raw) {
    if (key === 'attributes') continue;
    const value = raw[key];
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flattenRecord(value as Record<string, unknown>, `${prefix}${key}.`, out);
    } else {
      out[prefix + key] = value;
    }
  }
  return out;
}

export interface RecordParser<T> {
  (raw: Record<string, unknown>, source?: RecordSource): T;
  /**
   * A record with every field null, laid out as the parser lays out its records: readers that build records
   * themselves (the CSV file reader) start from it, so every record of an object has the same shape.
   */
  blank(): Record<string, unknown>;
}

/**
 * Builds a fast parser for one object from its zod schema (the single source of truth): for every field of the
 * schema it applies the same wire coercion the schema applies, in a plain loop, and throws a `RecordParseError`
 * naming the object, record Id and field. Fields missing from the raw record parse as null when nullable.
 * Nested REST parents are flattened first. `parseWithZod` gives the same results through zod itself.
 *
 * @example
 * const parseOpportunity = createRecordParser('Opportunity', Opportunity);
 * parseOpportunity({ Id: '006…', Amount: '1250.50', IsWon: 'false', … }).Amount; // 1250.5
 */
export function createRecordParser<S extends z.ZodMiniObject>(sobject: string, schema: S): RecordParser<z.output<S>> {
  const fields: Array<[string, FieldMeta]> = Object.entries(schema.shape).map(([name, s]) => [
    name,
    fieldMeta(s as z.core.$ZodType, `${sobject}.${name}`),
  ]);
  const copies = new Map<string, string>(); // one copy of each value of the shared fields
  // Records start as copies of an object that already has every field (JSON.parse sizes it exactly), so each record
  // holds its fields inline; an object grown from `{}` keeps all but four in a second allocation.
  const template = JSON.parse(JSON.stringify(Object.fromEntries(fields.map(([name]) => [name, null])))) as object;
  const parse = (input: Record<string, unknown>, source?: RecordSource): z.output<S> => {
    const raw = needsFlattening(input) ? flattenRecord(input) : input;
    const out: Record<string, unknown> = { ...template };
    for (const [name, meta] of fields) {
      let value = coerceWireValue[meta.kind](raw[name]);
      if (meta.shared && typeof value === 'string') {
        const copy = copies.get(value);
        if (copy === undefined) copies.set(value, value);
        else value = copy;
      }
      if (value === INVALID || (value === null && !meta.nullable)) {
        const id = typeof raw['Id'] === 'string' ? raw['Id'] : null;
        const expected = (meta.nullable ? '' : 'a required value: ') + acceptedWireForms[meta.kind];
        throw new RecordParseError(sobject, id, name, raw[name], expected, source);
      }
      out[name] = value;
    }
    return out as z.output<S>;
  };
  return Object.assign(parse, { blank: () => ({ ...template }) as Record<string, unknown> });
}

function needsFlattening(raw: Record<string, unknown>): boolean {
  if ('attributes' in raw) return true;
  for (const key in raw) {
    const value = raw[key];
    if (value !== null && typeof value === 'object') return true;
  }
  return false;
}

/**
 * Parses one record through the zod schema itself (slower; the reference the fast parser is tested against).
 */
export function parseWithZod<S extends z.ZodMiniObject>(
  sobject: string,
  schema: S,
  input: Record<string, unknown>,
  source?: RecordSource,
): z.output<S> {
  const raw = flattenRecord(input);
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? '');
  const meta = fieldMeta(schema.shape[name] as z.core.$ZodType, `${sobject}.${name}`);
  const id = typeof raw['Id'] === 'string' ? raw['Id'] : null;
  const expected = (meta.nullable ? '' : 'a required value: ') + acceptedWireForms[meta.kind];
  throw new RecordParseError(sobject, id, name, raw[name], expected, source);
}
