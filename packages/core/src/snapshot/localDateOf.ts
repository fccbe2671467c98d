/**
 * Converts UTC datetimes (`2026-01-31T23:30:00.000Z`) to dates in an IANA time zone, as Salesforce shows them to
 * users of an org in that zone. Offsets are looked up once per quarter hour and cached, so a million conversions
 * cost a million `Date.parse` calls, not a million `Intl` formats.
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
  const QUARTER_HOUR = 15 * 60_000;

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
    const utc = Date.parse(isoDateTime);
    if (Number.isNaN(utc)) throw new RangeError(`Not a datetime: ${JSON.stringify(isoDateTime)}`);
    return new Date(utc + offsetAt(Math.floor(utc / QUARTER_HOUR))).toISOString().slice(0, 10);
  };
}
