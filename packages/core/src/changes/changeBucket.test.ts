import { describe, expect, it } from 'vitest';
import { dayNumber } from '../calendar/index.js';
import { changeBucket, type BucketState } from './changeBucket.js';

// Period 2026-01-01..2026-03-31.
const startDay = dayNumber('2026-01-01');
const endDay = dayNumber('2026-03-31');
const open = (close: string, cents: number): BucketState => ({
  isClosed: false,
  isWon: false,
  closeDay: dayNumber(close),
  cents,
});
const closed = (close: string, cents: number, isWon: boolean): BucketState => ({
  isClosed: true,
  isWon,
  closeDay: dayNumber(close),
  cents,
});
const bucketOf = (a: BucketState | null, b: BucketState | null) => changeBucket(a, b, startDay, endDay);

describe('changeBucket', () => {
  it('open in the period at both dates: the difference of the values', () => {
    expect(bucketOf(open('2026-02-01', 100), open('2026-03-31', 150))).toEqual({ bucket: 'increased', cents: 50 });
    expect(bucketOf(open('2026-01-01', 100), open('2026-02-01', 40))).toEqual({ bucket: 'decreased', cents: -60 });
    expect(bucketOf(open('2026-02-01', 100), open('2026-02-02', 100))).toEqual({ bucket: 'unchanged', cents: 0 });
  });

  it('left the period: closing wins over moving, by the value at a', () => {
    expect(bucketOf(open('2026-02-01', 100), closed('2026-04-10', 120, true))).toEqual({ bucket: 'won', cents: -100 });
    expect(bucketOf(open('2026-02-01', 100), closed('2025-12-01', 0, false))).toEqual({ bucket: 'lost', cents: -100 });
    expect(bucketOf(open('2026-02-01', 100), open('2026-04-01', 300))).toEqual({ bucket: 'pushedOut', cents: -100 });
    expect(bucketOf(open('2026-02-01', 100), open('2025-12-31', 100))).toEqual({
      bucket: 'pulledOutEarlier',
      cents: -100,
    });
  });

  it('came into the period: by the value at b', () => {
    expect(bucketOf(null, open('2026-02-01', 70))).toEqual({ bucket: 'created', cents: 70 });
    expect(bucketOf(closed('2026-01-10', 50, false), open('2026-02-01', 70))).toEqual({
      bucket: 'reopened',
      cents: 70,
    });
    expect(bucketOf(closed('2026-01-10', 50, true), open('2026-02-01', 70))).toEqual({ bucket: 'reopened', cents: 70 });
    expect(bucketOf(open('2026-04-01', 50), open('2026-02-01', 70))).toEqual({ bucket: 'pulledIn', cents: 70 });
    expect(bucketOf(open('2025-12-31', 50), open('2026-02-01', 70))).toEqual({ bucket: 'pushedIn', cents: 70 });
  });

  it('in the period at neither date: no bucket', () => {
    expect(bucketOf(null, closed('2026-02-01', 70, true))).toBeNull();
    expect(bucketOf(open('2026-05-01', 10), open('2026-06-01', 10))).toBeNull();
    expect(bucketOf(closed('2026-02-01', 10, true), closed('2026-02-01', 10, true))).toBeNull();
    expect(bucketOf(open('2026-04-01', 10), closed('2026-02-01', 10, true))).toBeNull();
  });
});
