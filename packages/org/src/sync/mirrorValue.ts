/**
 * One value as the mirror's CSV holds it, whichever API delivered it: REST JSON (`…+0000` datetimes, JSON numbers and
 * booleans) and Bulk API 2.0 CSV (`…Z` datetimes, text) give the same text, so an incremental sync (REST for a few
 * changes) writes byte for byte what a full export (Bulk) writes.
 */

const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent', 'long']);

/**
 * @example
 * mirrorValue('datetime', '2026-11-16T10:00:00.000+0000') // => '2026-11-16T10:00:00.000Z'
 * mirrorValue('currency', '1200.0') // => '1200'
 * mirrorValue('string', '') // => null
 */
export function mirrorValue(type: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'boolean') return String(value).toLowerCase() === 'true' ? 'true' : 'false';
  if (NUMBER_TYPES.has(type)) {
    const n = Number(value);
    return Number.isFinite(n) ? String(n) : String(value);
  }
  if (type === 'datetime') {
    const text = String(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const time = Date.parse(text);
    return Number.isNaN(time) ? String(value) : new Date(time).toISOString();
  }
  return String(value);
}
