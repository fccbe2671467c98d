import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg, smallOrgWithOmittedC3, users } from '../testing/smallOrg.js';
import { forecastRollup } from './forecastRollup.js';
import { forecastScopes } from './forecastScope.js';
import { scopeForecast } from './scopeForecast.js';

const METHODS = ['commit', 'bestCase', 'pipeline', 'weighted'] as const;

/** The org and every rep forecast for FY2026-Q1 as of 2026-03-15, with their roll-up over the reps. */
function repRollup(data: ReturnType<typeof smallOrg>) {
  const snapshot = createOrgSnapshot(data);
  const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
  const options = { period, asOf: '2026-03-15', methods: METHODS };
  const [org, ...reps] = forecastScopes(snapshot, ['org', 'rep']).map((s) => scopeForecast(snapshot, s, options));
  return { reps, ...forecastRollup(snapshot, reps, org!, new Map()) };
}

describe('forecastRollup: a figure moved to its bound is named in the reconciliation', () => {
  it('every rep inside its bounds: the reps add up to the org', () => {
    const { reps, reconciliation } = repRollup(smallOrg());
    expect(reps.some((r) => r.methods.weighted?.bounded)).toBe(false);
    expect(reconciliation).toBeNull();
  });

  it("Cy C's Omitted deal lifts her weighted above her high bound: the reps fall short of the org by its 6,000", () => {
    // As in forecastBounds.test: C3 (30,000 at 20 %, closing 03-31) Omitted, without history rows. Cy's weighted
    // (15,000 + 6,000) is moved to her high bound (15,000: the Omitted deal is not in it); the org's high bound has
    // room for the 6,000 (its open non-Omitted deals count in full, at most their probability in weighted).
    const { reps, reconciliation } = repRollup(smallOrgWithOmittedC3());
    expect(reps.find((r) => r.scope.id === users.C)?.methods.weighted?.bounded).toBe('high');
    expect(reconciliation?.difference).toMatchObject({ closedWon: 0, commit: 0, pipeline: 0, weighted: 6000 });
    expect(reconciliation?.reasons).toEqual(['REPS_WITHOUT_ROW', 'BOUNDED_FIGURES']);
  });
});
