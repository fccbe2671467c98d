import { describe, expect, it } from 'vitest';
import { isoDateOfDay } from '../calendar/index.js';
import type { Opportunity, OpportunityHistory, OpportunityStage } from '../model/index.js';
import { createDealHistory, createStagesSharer, dealHistoryOf, dealHistoryRows, dealStateAsOf } from './dealState.js';
import { createLocalDateOf, createLocalDayOfMillis } from './localDateOf.js';
import { OpportunityHistoryTable } from './opportunityHistoryTable.js';

const stage = (MasterLabel: string, SortOrder: number, IsClosed = false, IsWon = false): OpportunityStage => ({
  Id: null,
  MasterLabel,
  SortOrder,
  DefaultProbability: null,
  ForecastCategoryName: IsWon ? 'Closed' : IsClosed ? 'Omitted' : 'Pipeline',
  IsClosed,
  IsWon,
  IsActive: true,
});
const stageList = [
  stage('Prospecting', 1),
  stage('Negotiation/Review', 2),
  stage('Closed Won', 3, true, true),
  stage('Closed Lost', 4, true),
];
const context = { stagesByName: new Map(stageList.map((s) => [s.MasterLabel, s])), stageList };
const stageIndex = new Map(stageList.map((s, i) => [s.MasterLabel, i]));
const opp: Opportunity = {
  Id: '006000000000001AAA',
  Name: 'Reopened deal',
  AccountId: null,
  OwnerId: '005000000000001AAA',
  Amount: 900,
  Probability: 90,
  StageName: 'Negotiation/Review',
  ForecastCategoryName: 'Commit',
  CloseDate: '2026-03-31',
  CreatedDate: '2026-01-05T18:00:00.000Z',
  IsClosed: false,
  IsWon: false,
  Type: null,
  LeadSource: null,
  CampaignId: null,
  NextStep: null,
  LastActivityDate: null,
  Territory2Id: null,
  CurrencyIsoCode: null,
};
const row = (CreatedDate: string, StageName: string, Amount: number, CloseDate: string, ForecastCategory: string) =>
  ({
    OpportunityId: opp.Id,
    CreatedDate,
    StageName,
    Amount,
    CloseDate,
    Probability: null,
    ForecastCategory,
  }) satisfies OpportunityHistory;
const localDateOf = createLocalDateOf('America/Los_Angeles');
const rows = [
  row('2026-01-05T18:00:00.000Z', 'Prospecting', 1000, '2026-02-28', 'Pipeline'),
  row('2026-02-10T17:00:00.000Z', 'Closed Lost', 1000, '2026-02-10', 'Omitted'), // lost …
  row('2026-03-02T17:00:00.000Z', 'Prospecting', 800, '2026-03-31', 'Pipeline'), // … reopened
  // Two changes on one day; the second is at 06:30 UTC on Mar 11 = Mar 10 23:30 PDT (DST began Mar 8).
  row('2026-03-10T20:00:00.000Z', 'Negotiation/Review', 800, '2026-03-31', 'Forecast'),
  row('2026-03-11T06:30:00.000Z', 'Negotiation/Review', 900, '2026-03-31', 'Forecast'),
];
const history = createDealHistory(rows, localDateOf, stageIndex);

describe('dealStateAsOf', () => {
  it('does not exist before it was created', () => {
    expect(dealStateAsOf(opp, '2026-01-05', history, '2026-01-04', context)).toBeNull();
  });

  it('replays the latest row on or before the date, including a loss and a reopening', () => {
    expect(dealStateAsOf(opp, '2026-01-05', history, '2026-01-05', context)).toMatchObject({
      StageName: 'Prospecting',
      Amount: 1000,
      IsClosed: false,
    });
    expect(dealStateAsOf(opp, '2026-01-05', history, '2026-02-20', context)).toMatchObject({
      StageName: 'Closed Lost',
      IsClosed: true,
      IsWon: false,
      CloseDate: '2026-02-10',
      ForecastCategoryName: 'Omitted',
    });
    expect(dealStateAsOf(opp, '2026-01-05', history, '2026-03-05', context)).toMatchObject({
      StageName: 'Prospecting',
      IsClosed: false,
      Amount: 800,
    });
  });

  it('takes the last of several changes on one org-local day', () => {
    expect(history.days.slice(3).map(isoDateOfDay)).toEqual(['2026-03-10', '2026-03-10']);
    expect(dealStateAsOf(opp, '2026-01-05', history, '2026-03-10', context)).toMatchObject({
      Amount: 900,
      ForecastCategoryName: 'Commit',
      from: 'history',
    });
  });

  it('uses the current record when there is no history', () => {
    expect(dealStateAsOf(opp, '2026-01-05', undefined, '2026-01-06', context)).toMatchObject({
      StageName: 'Negotiation/Review',
      Amount: 900,
      from: 'record',
    });
  });
});

describe('dealHistoryOf', () => {
  it('gives the history createDealHistory gives, from instants', () => {
    const tz = 'America/New_York';
    const table = OpportunityHistoryTable.of(rows);
    const fromDays = dealHistoryOf(table, 0, table.length, createLocalDayOfMillis(tz), stageIndex);
    const fromDates = createDealHistory(rows, createLocalDateOf(tz), stageIndex);
    expect([fromDays.days, fromDays.stages]).toEqual([fromDates.days, fromDates.stages]);
    expect(dealHistoryRows(fromDays)).toEqual(dealHistoryRows(fromDates));
  });

  it('reads the rows of one deal out of a table of several', () => {
    const other = { ...rows[0]!, OpportunityId: '006000000000002AAA' };
    const table = OpportunityHistoryTable.of([other, ...rows, other]);
    const history = dealHistoryOf(table, 1, rows.length, createLocalDayOfMillis('UTC'), stageIndex);
    expect(dealHistoryRows(history)).toEqual(rows);
  });

  it('shares one stages array between deals with the same path, and only between them', () => {
    const share = createStagesSharer();
    const path = share([0, 1, 2]);
    expect(share([0, 1, 2])).toBe(path);
    expect(share([0, 1])).toEqual([0, 1]);
    expect(share([0, 1, 2, -1])).toEqual([0, 1, 2, -1]);
    const table = OpportunityHistoryTable.of(rows);
    const dayOf = createLocalDayOfMillis('UTC');
    const fromHistory = dealHistoryOf(table, 0, table.length, dayOf, stageIndex, share);
    expect(dealHistoryOf(table, 0, table.length, dayOf, stageIndex, share).stages).toBe(fromHistory.stages);
  });
});
