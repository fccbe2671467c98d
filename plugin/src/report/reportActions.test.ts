/**
 * Action items: a gap stated once at the level that owns it (a parent's item goes when its sub-teams' items of the
 * same kind cover it, stays when its own deals cause it), money at stake computed per kind, and the stated tie rule.
 */
import { describe, expect, it } from 'vitest';
import type { PipelineHygieneReport, RepComparison, TerritoryCoverageReport } from '@salesops/core';
import { byMoneyAtStake, reportActions, type ActionItem } from './reportActions.js';
import type { TeamFigures } from './reportTypes.js';

function scope(id: string, parentId: string | null, depth: number, f: Partial<TeamFigures>): TeamFigures {
  return {
    id,
    name: id,
    depth,
    parentId,
    quota: null,
    closedWon: 0,
    forecast: null,
    low: null,
    high: null,
    openPipeline: 0,
    remainingQuota: null,
    coverage: null,
    requiredCoverage: null,
    ...f,
  };
}

const noTerritories = { territories: [], gaps: { territoriesWithoutRep: [] } } as unknown as TerritoryCoverageReport;
const noHygiene = { deals: [] } as unknown as PipelineHygieneReport;

function actions(org: TeamFigures, teams: TeamFigures[], hygiene = noHygiene): ActionItem[] {
  return reportActions({ org, teams, comparison: [] as RepComparison[], territories: noTerritories, hygiene });
}

describe('reportActions', () => {
  it('states a forecast gap at the teams that own it, not again at the org above them', () => {
    // Org gap 300 = team A's 200 + team B's 150 − team C's surplus 50: the teams own it.
    const org = scope('org', null, 0, { quota: 3000, forecast: 2700 });
    const a = scope('A', 'org', 1, { quota: 1000, forecast: 800 });
    const b = scope('B', 'org', 1, { quota: 1000, forecast: 850 });
    const c = scope('C', 'org', 1, { quota: 1000, forecast: 1050 });
    const items = actions(org, [a, b, c]);
    expect(items.map((i) => [i.kind, i.owner, i.money])).toEqual([
      ['forecastGap', 'A', 200],
      ['forecastGap', 'B', 150],
    ]);
  });

  it("keeps a manager's gap that the sub-teams do not explain, and a sub-team's gap under it", () => {
    // Team A is 300 short; its sub-team A1 only 100 of it (A's manager's own deals hold the rest).
    const org = scope('org', null, 0, { quota: 2000, forecast: 1950 });
    const a = scope('A', 'org', 1, { quota: 1000, forecast: 700 });
    const a1 = scope('A1', 'A', 2, { quota: 500, forecast: 400 });
    const items = actions(org, [a, a1]);
    expect(items.map((i) => [i.kind, i.owner, i.level, i.money])).toEqual([
      ['forecastGap', 'A', 'team', 300],
      ['forecastGap', 'A1', 'team', 100],
    ]);
  });

  it('prices a coverage shortfall as the pipeline to add, once at the owning level', () => {
    // Needed 3× on 1,000 still to close = 3,000; open 1,200: add 1,800.
    const org = scope('org', null, 0, { remainingQuota: 1000, openPipeline: 1200, coverage: 1.2, requiredCoverage: 3 });
    const a = scope('A', 'org', 1, { remainingQuota: 1000, openPipeline: 1200, coverage: 1.2, requiredCoverage: 3 });
    expect(actions(org, [a]).map((i) => [i.kind, i.owner, i.money])).toEqual([['lowCoverage', 'A', 1800]]);
  });

  it('counts each flagged deal once per owner, whatever the number of its flags', () => {
    const deal = (ownerId: string, amount: number, rules: string[]) => ({
      ownerId,
      ownerName: ownerId,
      amount,
      flags: rules.map((rule) => ({ rule })),
    });
    const hygiene = {
      deals: [
        deal('u1', 100, ['PUSHED', 'STALE_STAGE']),
        deal('u1', 50, ['PAST_CLOSE_DATE']),
        deal('u2', 70, ['NO_NEXT_STEP']),
      ],
    } as unknown as PipelineHygieneReport;
    const items = actions(scope('org', null, 0, {}), [], hygiene);
    expect(items).toEqual([
      {
        kind: 'hygiene',
        level: 'rep',
        owner: 'u1',
        money: 150,
        deals: 2,
        rules: ['PUSHED', 'STALE_STAGE', 'PAST_CLOSE_DATE'],
      },
    ]);
  });

  it('breaks ties of money by level, kind, then name', () => {
    const item = (level: ActionItem['level'], kind: 'territoryWithoutRep' | 'forecastGap', owner: string) =>
      ({ kind, level, owner, money: 100, forecast: 0, quota: 0, share: 0 }) as ActionItem;
    const sorted = [
      item('territory', 'territoryWithoutRep', 'West'),
      item('team', 'forecastGap', 'Zoe'),
      item('team', 'forecastGap', 'Amy'),
      item('org', 'forecastGap', 'Org'),
    ].sort(byMoneyAtStake);
    expect(sorted.map((i) => i.owner)).toEqual(['Org', 'Amy', 'Zoe', 'West']);
  });
});
