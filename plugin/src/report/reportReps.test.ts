/**
 * The top and bottom reps: ranked by attainment, ties by closed won then name, and a note when a tie crosses the cut
 * (22 reps at 0% are not "the last five alphabetically" without saying so).
 */
import { describe, expect, it } from 'vitest';
import type { RepComparison } from '@salesops/core';
import { rankReps, REPS_SHOWN } from './reportReps.js';

function rep(name: string, attainment: number | null, closedWon = 0): RepComparison {
  return {
    name,
    flags: [],
    performance: { attainment, closedWon, winRate: null, openPipeline: 0 },
  } as unknown as RepComparison;
}

describe('rankReps', () => {
  it('cuts to the top and bottom N by attainment, then closed won, then name', () => {
    const reps = [
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n, i) => rep(n, 1 - i / 10, 100)),
      rep('zero-big', 0, 500),
      rep('zero-b', 0),
      rep('zero-a', 0),
      rep('no-quota', null),
    ];
    const { reps: ranked, all } = rankReps(reps);
    expect(all.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'zero-big', 'zero-a', 'zero-b']);
    expect(ranked.top.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ranked.bottom.map((r) => r.name)).toEqual(['g', 'h', 'zero-big', 'zero-a', 'zero-b']);
    expect(ranked.withoutQuota).toBe(1);
    expect(ranked.bottomTie).toBeNull();
  });

  it('says how many reps share the value when a tie crosses the cut', () => {
    const reps = [rep('top', 1.2), rep('second', 0.9), ...Array.from({ length: 22 }, (_, i) => rep(`r${i}`, 0))];
    const { reps: ranked } = rankReps(reps);
    expect(ranked.bottom).toHaveLength(REPS_SHOWN);
    expect(ranked.bottomTie).toEqual({ attainment: 0, reps: 22 });
    expect(ranked.topTie).toEqual({ attainment: 0, reps: 22 });
  });

  it('lists everyone once, without a bottom list, when there are no more than 2N', () => {
    const { reps: ranked } = rankReps([rep('a', 0.5), rep('b', 0.5), rep('c', 0.1)]);
    expect(ranked.top.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(ranked.bottom).toEqual([]);
  });
});
