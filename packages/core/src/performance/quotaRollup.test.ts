import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { awkwardOrg } from '../testing/awkwardOrg.js';
import { smallOrg, users } from '../testing/smallOrg.js';
import { computePerformance } from './computePerformance.js';
import { quotaRollup } from './quotaRollup.js';

describe('quotaRollup', () => {
  it("sums rep A's three monthly quotas of the quarter, in cents", () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const rollup = quotaRollup(snapshot, snapshot.calendar.periodByLabel('FY2026-Q1')!);
    expect(rollup.byRep.get(users.A)).toBe(3_000_000); // 3 × 10,000.00
  });

  for (const [name, data] of [
    ['the hand-built org', smallOrg()],
    ['the awkward org', awkwardOrg()],
  ] as const) {
    it(`gives every rep, team and the org the quota computePerformance reports (${name})`, () => {
      const snapshot = createOrgSnapshot(data);
      const latest = snapshot.calendar.periodOf('2026-06-30', 'Quarter');
      for (const period of [latest, ...snapshot.calendar.previousPeriods(latest, 6)]) {
        const performance = computePerformance(snapshot, { period, asOf: period.end });
        const rollup = quotaRollup(snapshot, period);
        const cents = (units: number | null) => (units === null ? null : Math.round(units * 100));
        for (const rep of performance.reps) expect(rollup.byRep.get(rep.repId) ?? null).toBe(cents(rep.quota));
        for (const team of performance.teams) expect(rollup.byTeam.get(team.roleId)).toBe(cents(team.quota));
        expect(rollup.byTeam.size).toBe(performance.teams.length);
        expect(rollup.org).toBe(cents(performance.org.quota));
      }
    });
  }
});
