import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { awkwardOrg } from '../testing/awkwardOrg.js';
import { roles, smallOrg, users } from '../testing/smallOrg.js';
import { computePerformance } from './computePerformance.js';
import { paceAndCoverage } from './paceAndCoverage.js';

describe('paceAndCoverage', () => {
  // FY2026-Q1 = 2026-01-01..2026-03-31 as of 2026-03-15: 74 of 90 days elapsed.
  const snapshot = createOrgSnapshot(smallOrg());
  const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
  const figures = paceAndCoverage(snapshot, { period, asOf: '2026-03-15' });
  const elapsed = 74 / 90;

  it("gives team West its pace, open pipeline and required coverage (C's and the manager's deals)", () => {
    const west = figures.byTeam.get(roles.mgrWest)!;
    // Quota 45,000; won 18,000 (C 15,000 + the manager's 3,000); open C's 30,000.
    expect([west.quota, west.closedWon, west.openPipeline, west.remainingQuota]).toEqual([45000, 18000, 30000, 27000]);
    expect(west.pace).toBeCloseTo(18000 / 45000 / elapsed, 10);
    expect(west.coverage).toBeCloseTo(30000 / 27000, 10);
    // The four quarters before: C1 20,000 won, E1 5,000 won (E left since), C2 10,000 lost → 35 / 25.
    expect(west.requiredCoverage).toBeCloseTo(1.4, 10);
  });

  it('gives team East no required coverage (nothing closed in the four quarters before) and the org its sums', () => {
    const east = figures.byTeam.get(roles.mgrEast)!;
    expect([east.quota, east.closedWon, east.openPipeline]).toEqual([90000, 27000, 14500]);
    expect(east.pace).toBeCloseTo(0.3 / elapsed, 10);
    expect(east.requiredCoverage).toBeNull();
    const org = figures.org;
    expect([org.quota, org.closedWon, org.openPipeline, org.remainingQuota]).toEqual([135000, 45000, 44500, 90000]);
    expect(org.pace).toBeCloseTo(45000 / 135000 / elapsed, 10);
    expect(org.requiredCoverage).toBeCloseTo(1.4, 10);
    // A rep with no quota (D) has no pace; one who left (E) still counts through the earlier periods.
    expect(figures.rep(users.D).pace).toBeNull();
  });

  for (const [name, data] of [
    ['the hand-built org', smallOrg()],
    ['the awkward org', awkwardOrg()],
  ] as const) {
    it(`equals computePerformance for every rep, team and the org, period and as-of date (${name})`, () => {
      const org = createOrgSnapshot(data);
      const latest = org.calendar.periodOf('2026-06-30', 'Quarter');
      for (const p of [latest, ...org.calendar.previousPeriods(latest, 6)]) {
        for (const asOf of [p.start, '2026-03-15', p.end, '2026-12-31']) {
          const full = computePerformance(org, { period: p, asOf });
          const fast = paceAndCoverage(org, { period: p, asOf });
          const pick = (x: (typeof full)['org']) => ({
            quota: x.quota,
            closedWon: x.closedWon,
            attainment: x.attainment,
            pace: x.pace,
            openPipeline: x.openPipeline,
            remainingQuota: x.remainingQuota,
            coverage: x.coverage,
            requiredCoverage: x.requiredCoverage,
          });
          for (const rep of full.reps) expect(fast.rep(rep.repId), `${p.label} ${asOf}`).toEqual(pick(rep));
          for (const team of full.teams) expect(fast.byTeam.get(team.roleId), team.name).toEqual(pick(team));
          expect(fast.byTeam.size).toBe(full.teams.length);
          expect(fast.org).toEqual(pick(full.org));
        }
      }
    });
  }
});
