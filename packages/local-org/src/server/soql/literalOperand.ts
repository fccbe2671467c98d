/**
 * A SOQL literal (`'Acme'`, `42`, `2026-01-01`, `THIS_FISCAL_QUARTER`, `LAST_N_DAYS:30`, `null`) as an operand
 * comparable with a field's stored values: lower-cased text, 15/18-character ids, numbers, booleans, dates and
 * date-literal day ranges, or the INVALID_FIELD error Salesforce gives when the literal does not fit the field.
 */
import { normalizeDateTime, normalizeId, type Value } from '../data/values.js';
import type { FieldSchema } from '../schema/objectSchema.js';
import type { Compilation } from './compilation.js';
import { dateLiteralRange } from './dateLiterals.js';
import type { Family } from './fieldPath.js';
import { offsetOf, soqlErrorAt, type SoqlError } from './soqlError.js';

export type Operand =
  { readonly kind: 'value'; readonly value: Value } | { readonly kind: 'range'; start: string; end: string };

/** SOQL string literal (`'O\\'Brien'`) → text. */
export function unquote(literal: string): string {
  const body = literal.startsWith("'") && literal.endsWith("'") ? literal.slice(1, -1) : literal;
  return body.replace(/\\(.)/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c === 'b' ? '\b' : c === 'f' ? '\f' : c,
  );
}

export function literalOperand(
  c: Compilation,
  literal: string,
  literalType: string,
  family: Family,
  fieldName: string,
  field: FieldSchema | undefined,
  n: number | undefined,
): Operand {
  const typeName = field?.type === 'reference' || field?.type === 'id' ? 'id' : (field?.type ?? 'double');
  const mismatch = (): SoqlError =>
    soqlErrorAt(
      'INVALID_FIELD',
      c.soql,
      offsetOf(c.soql, literal),
      family === 'text' || family === 'id'
        ? `value of filter criterion for field '${fieldName}' must be of type ${typeName === 'id' ? 'id' : 'string'} and should be enclosed in quotes`
        : `value of filter criterion for field '${fieldName}' must be of type ${typeName === 'datetime' ? 'dateTime' : typeName} and should not be enclosed in quotes`,
    );
  switch (literalType) {
    case 'NULL':
      return { kind: 'value', value: null };
    case 'STRING': {
      if (family !== 'text' && family !== 'id') throw mismatch();
      const text = unquote(literal);
      if (family === 'id') {
        const id = normalizeId(text);
        if (!id) {
          throw soqlErrorAt(
            'INVALID_QUERY_FILTER_OPERATOR',
            c.soql,
            offsetOf(c.soql, literal),
            `invalid ID field: ${text}`,
          );
        }
        return { kind: 'value', value: id };
      }
      return { kind: 'value', value: text.toLowerCase() };
    }
    case 'INTEGER':
    case 'DECIMAL':
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX':
      if (family !== 'number') throw mismatch();
      return { kind: 'value', value: Number(literal.replace(/^[A-Za-z]{3}/, '')) };
    case 'BOOLEAN':
      if (family !== 'boolean') throw mismatch();
      return { kind: 'value', value: literal.toUpperCase() === 'TRUE' };
    case 'DATE':
      if (family !== 'date') throw mismatch();
      return { kind: 'value', value: literal };
    case 'DATETIME': {
      if (family !== 'datetime') throw mismatch();
      return { kind: 'value', value: normalizeDateTime(literal) };
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      if (family !== 'date' && family !== 'datetime') throw mismatch();
      const name = literal.split(':')[0] as string;
      const count = n ?? Number(literal.split(':')[1] ?? 0);
      const range = dateLiteralRange(name, c.context.calendar, count);
      if (!range) {
        throw soqlErrorAt('MALFORMED_QUERY', c.soql, offsetOf(c.soql, name), `unexpected token: '${literal}'`);
      }
      return { kind: 'range', start: range.start, end: range.end };
    }
    default:
      throw soqlErrorAt('MALFORMED_QUERY', c.soql, offsetOf(c.soql, literal), `unexpected token: '${literal}'`);
  }
}
