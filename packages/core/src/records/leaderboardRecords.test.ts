import { describe, expect, it } from 'vitest';
import { compareReps } from '../comparison/index.js';
import { computePerformance } from '../performance/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { roles, smallOrg, users } from '../testing/smallOrg.js';
import { leaderboardRecords } from './leaderboardRecords.js';
import { activeUserIds, ownedByRep } from './repOwner.js';
import { scorecardRecords } from './scorecardRecords.js';

const snapshot = createOrgSnapshot(smallOrg());
const period = snapshot.calendar.periodByLabel('FY2026-Q1')!;
const options = { period, asOf: '2026-03-15' };
const report = computePerformance(snapshot, options);
const comparison = compareReps(snapshot, report, options);

describe('leaderboard records', () => {
  it('stores each peer group in attainment order, anonymised unless names are allowed', () => {
    const rows = leaderboardRecords(report, comparison, { runId: 'run-1', names: false });
    // East: A 17,000/30,000 = 0.5667, B 10,000/60,000 = 0.1667; West: C alone; D has no peer group (no quota).
    const east = rows.filter((r) => r.Peer_Group_Key__c === roles.mgrEast);
    expect(east.map((r) => [r.Position__c, r.Rank__c, r.Attainment__c])).toEqual([
      [1, 1, 0.566667],
      [2, 2, 0.166667],
    ]);
    expect(east[0]).toMatchObject({
      Key__c: `leaderboard|FY2026-Q1|${roles.mgrEast}|1`,
      Rep__c: null,
      Rep_Name__c: null,
    });
    expect(east.map((r) => r.Win_Rate_Shrunk__c)).toEqual([0.777778, 0.888889]);
    expect(rows.filter((r) => r.Peer_Group_Key__c === roles.mgrWest)).toHaveLength(1);
    expect(rows).toHaveLength(3);
    const named = leaderboardRecords(report, comparison, { runId: 'run-1', names: true });
    expect(named.find((r) => r.Peer_Group_Key__c === roles.mgrEast && r.Position__c === 1)?.Rep__c).toBe(users.A);
  });

  it("gives each rep's scorecard the row of the rep on the leaderboard", () => {
    const cards = scorecardRecords(report, comparison, { runId: 'run-1' });
    const position = (id: string) => cards.find((c) => c.Rep__c === id)?.Leaderboard_Position__c;
    expect([position(users.A), position(users.B), position(users.C), position(users.D)]).toEqual([1, 2, 1, null]);
    expect(cards.find((c) => c.Rep__c === users.B)?.Peer_Group_Key__c).toBe(roles.mgrEast);
  });

  it('makes active reps the owners of their records and leaves the others to the writer', () => {
    const owned = ownedByRep(
      [{ Rep__c: users.A }, { Rep__c: null }, { Rep__c: users.E }], // E has left (IsActive false)
      activeUserIds(snapshot.data.users),
    );
    expect(owned.map((r) => r.OwnerId ?? null)).toEqual([users.A, null, null]);
  });
});
