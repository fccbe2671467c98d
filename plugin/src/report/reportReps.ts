import type { RepComparison } from '@salesops/core';
import type { RankedReps, RepRow } from './reportTypes.js';

/** How many reps the report names at each end of the ranking; the rest are in reps.csv. */
export const REPS_SHOWN = 5;

/**
 * Reps with a quota ranked by attainment, highest first; ties by closed won (higher first), then name (code-point
 * order): the top and bottom `REPS_SHOWN`, and how many reps share the value at each cut when a tie crosses it.
 */
export function rankReps(comparison: readonly RepComparison[]): { reps: RankedReps; all: RepRow[] } {
  const all = comparison
    .filter((c) => c.performance.attainment !== null)
    .map((c): RepRow => ({
      name: c.name,
      attainment: c.performance.attainment,
      closedWon: c.performance.closedWon,
      winRate: c.performance.winRate,
      openPipeline: c.performance.openPipeline,
      flags: [...c.flags],
    }))
    .sort(byAttainment);
  const n = REPS_SHOWN;
  const split = all.length > 2 * n;
  const top = split ? all.slice(0, n) : all;
  const bottom = split ? all.slice(-n) : [];
  const tieAt = (inside: RepRow | undefined, outside: RepRow | undefined) => {
    if (!inside || !outside || inside.attainment !== outside.attainment || inside.attainment === null) return null;
    const value = inside.attainment;
    return { attainment: value, reps: all.filter((r) => r.attainment === value).length };
  };
  return {
    all,
    reps: {
      top,
      bottom,
      ranked: all.length,
      withoutQuota: comparison.length - all.length,
      topTie: split ? tieAt(all[n - 1], all[n]) : null,
      bottomTie: split ? tieAt(all[all.length - n], all[all.length - n - 1]) : null,
    },
  };
}

function byAttainment(a: RepRow, b: RepRow): number {
  return (
    (b.attainment ?? 0) - (a.attainment ?? 0) ||
    Math.round(b.closedWon * 100) - Math.round(a.closedWon * 100) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}
