import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { dayOf, isoOf, losAngelesOffsetHours, monthEndDay, monthStartDay, utcDateTime } from './orgTime.js';

/** Los Angeles offset at a wall-clock time, read off the platform's time-zone database (the reference). */
function referenceOffset(iso: string, hour: number): number {
  // Try both candidate offsets; the one whose UTC instant shows this wall-clock time in Los Angeles is right.
  for (const offset of [7, 8]) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const instant = new Date(Date.UTC(y, m - 1, d, hour + offset, 30));
    const shown = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Los_Angeles',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(instant);
    if (shown === `${iso}, ${String(hour).padStart(2, '0')}`) return offset;
  }
  throw new Error(`no offset for ${iso} ${hour}:30`);
}

describe('org time', () => {
  it('round-trips dates and finds month bounds', () => {
    expect(isoOf(dayOf('2024-02-29'))).toBe('2024-02-29');
    expect(isoOf(monthEndDay(dayOf('2024-02-10')))).toBe('2024-02-29');
    expect(isoOf(monthStartDay(dayOf('2026-12-31'), 1))).toBe('2027-01-01');
    expect(isoOf(monthStartDay(dayOf('2026-01-31'), -3))).toBe('2025-10-01');
  });

  it('converts Los Angeles wall-clock times to UTC in standard and daylight time', () => {
    expect(utcDateTime(dayOf('2026-01-15'), 10, 0, 0)).toBe('2026-01-15T18:00:00.000Z');
    expect(utcDateTime(dayOf('2026-07-01'), 10, 0, 0)).toBe('2026-07-01T17:00:00.000Z');
    // An evening change is already the next day in UTC.
    expect(utcDateTime(dayOf('2026-11-16'), 23, 30, 5)).toBe('2026-11-17T07:30:05.000Z');
    // Transition days of 2026: 8 March and 1 November.
    expect(losAngelesOffsetHours(dayOf('2026-03-08'), 1)).toBe(8);
    expect(losAngelesOffsetHours(dayOf('2026-03-08'), 3)).toBe(7);
    expect(losAngelesOffsetHours(dayOf('2026-11-01'), 0)).toBe(7);
    expect(losAngelesOffsetHours(dayOf('2026-11-01'), 9)).toBe(8);
  });

  it('agrees with the time-zone database on every business hour of random days 2019-2030', () => {
    const random = createRandom(7);
    for (let i = 0; i < 400; i++) {
      const day = dayOf('2019-01-01') + random.int(0, 12 * 365);
      const hour = random.int(3, 23);
      expect(losAngelesOffsetHours(day, hour), `${isoOf(day)} ${hour}:30`).toBe(referenceOffset(isoOf(day), hour));
    }
  });
});
