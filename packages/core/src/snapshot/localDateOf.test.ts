import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../calendar/index.js';
import { createLocalDateOf, createLocalDayOf } from './localDateOf.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** The reference: the date Intl shows for the instant `Date.parse` reads. */
function referenceDate(timeZone: string, text: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(Date.parse(text));
}

const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];

describe('createLocalDateOf', () => {
  it('gives the date Intl gives, for every shape Salesforce writes datetimes in', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom('Z', '+0000', '+00:00', '-0700', '+05:30', 'none-millis'),
        (zone, at, suffix) => {
          const d = new Date(at);
          const wall = (offsetMinutes: number) => new Date(at + offsetMinutes * 60_000);
          let text: string;
          if (suffix === 'Z' || suffix === 'none-millis') {
            text = suffix === 'Z' ? d.toISOString() : `${d.toISOString().slice(0, 19)}Z`;
          } else {
            const sign = suffix.startsWith('-') ? -1 : 1;
            const minutes = sign * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(-2)));
            const w = wall(minutes);
            text =
              `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:` +
              `${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}.${pad(w.getUTCMilliseconds(), 3)}${suffix}`;
          }
          expect(createLocalDateOf(zone)(text)).toBe(referenceDate(zone, text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('turns at midnight local time, across a daylight-saving change', () => {
    const la = createLocalDateOf('America/Los_Angeles');
    // 2026-03-08: clocks go from 02:00 PST (UTC−8) to 03:00 PDT (UTC−7).
    expect(la('2026-03-08T07:59:59.999Z')).toBe('2026-03-07');
    expect(la('2026-03-08T08:00:00.000Z')).toBe('2026-03-08');
    expect(la('2026-03-09T06:59:59.000Z')).toBe('2026-03-08');
    expect(la('2026-03-09T07:00:00.000Z')).toBe('2026-03-09');
  });

  it('gives the date Intl gives for a year of instants asked of one converter, in and out of order', () => {
    // One converter keeps each day's offset: every change of offset in 2026 (both ways, half-hour ones too) is crossed.
    const start = Date.UTC(2026, 0, 1);
    const instants = Array.from({ length: 14_300 }, (_, i) => start + i * 37 * 60_000);
    const shuffled = instants.map((at, i) => instants[(i * 7919) % instants.length] as number);
    for (const zone of zones) {
      for (const order of [instants, shuffled]) {
        const localDateOf = createLocalDateOf(zone);
        const wrong = order
          .map((at) => new Date(at).toISOString())
          .filter((t) => localDateOf(t) !== referenceDate(zone, t));
        expect(wrong).toEqual([]);
      }
    }
  });

  it('reads other shapes Date.parse knows, and names what it cannot read', () => {
    const utc = createLocalDateOf('UTC');
    expect(utc('2026-02-01T05:00Z')).toBe('2026-02-01');
    expect(() => utc('2026-02-30T05:00:00.000Z')).toThrow('Not a datetime: "2026-02-30T05:00:00.000Z"');
    expect(() => utc('yesterday')).toThrow(RangeError);
  });

  it('gives as a day number the date it gives as text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, at) => {
          const text = new Date(at).toISOString();
          expect(createLocalDayOf(zone)(text)).toBe(dayNumber(createLocalDateOf(zone)(text)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
