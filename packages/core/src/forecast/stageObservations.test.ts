import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '../calendar/index.js';
import { createOrgSnapshot, dealStateAsOf, type OrgSnapshot } from '../snapshot/index.js';
import { awkwardOrg } from '../testing/awkwardOrg.js';
import { smallOrg } from '../testing/smallOrg.js';
import { daysLeftBucket } from './daysLeftBucket.js';
import { stageObservations } from './stageObservations.js';

/**
 * The definition, day by day: each deal replayed to every day of the period, a cell for each day it was open with
 * its close date in the period; won when, as of the last day, it was won with its close date in the period.
 */
function dailyCells(snapshot: OrgSnapshot, period: { start: string; end: string; label: string }): string[] {
  const context = { stagesByName: snapshot.stagesByName, stageList: snapshot.stageOrder };
  const endDay = dayNumber(period.end);
  const cells = new Set<string>();
  for (const { opportunity, createdOn, history } of snapshot.deals) {
    const end = dealStateAsOf(opportunity, createdOn, history, period.end, context);
    const won = end !== null && end.IsWon && end.CloseDate >= period.start && end.CloseDate <= period.end;
    for (let day = period.start; day <= period.end; day = addDays(day, 1)) {
      const state = dealStateAsOf(opportunity, createdOn, history, day, context);
      if (!state || state.IsClosed || state.CloseDate < period.start || state.CloseDate > period.end) continue;
      const bucket = daysLeftBucket(endDay - dayNumber(day));
      cells.add(`${opportunity.Id}|${period.label}|${state.StageName}|${bucket}|${won}`);
    }
  }
  return [...cells].sort();
}

describe('stageObservations against the day-by-day definition', () => {
  for (const [name, data] of [
    ['the small org', smallOrg()],
    ['the awkward org', awkwardOrg()],
  ] as const) {
    it(`sees each deal once per stage and bucket of each past period (${name})`, () => {
      const snapshot = createOrgSnapshot(data);
      const q2 = snapshot.calendar.periodByLabel('FY2026-Q3')!;
      const { periods, byPeriod } = stageObservations(createOrgSnapshot(data), q2, '2026-07-20');
      expect(periods.map((p) => p.label)).toContain('FY2025-Q4');
      let seen = 0;
      periods.forEach((period, i) => {
        const actual = byPeriod[i]!.map((o) => `${o.opportunity.Id}|${o.period}|${o.stage}|${o.bucket}|${o.won}`);
        expect(actual.sort()).toEqual(dailyCells(snapshot, period));
        seen += actual.length;
      });
      expect(seen).toBeGreaterThan(30);
    });
  }
});
