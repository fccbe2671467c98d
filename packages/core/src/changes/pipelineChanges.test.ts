import { describe, expect, it } from 'vitest';
import { forecastScopes } from '../forecast/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { users } from '../testing/smallOrg.js';
import { waterfallDeals as w, waterfallOrg, type WaterfallDeal } from '../testing/waterfallOrg.js';
import { CHANGE_BUCKETS } from './changeBucket.js';
import { pipelineChanges } from './pipelineChanges.js';
import { quarterToDate } from './quarterToDate.js';
import { waterfallSteps } from './waterfallSteps.js';

// Every figure below is worked out by hand from the table in testing/waterfallOrg.ts.
const snapshot = createOrgSnapshot(waterfallOrg());
const period = snapshot.calendar.periodOf('2026-02-15', 'Quarter'); // FY2026-Q1, 2026-01-01..2026-03-31
const options = { period, since: '2026-02-01', asOf: '2026-02-15' };
const report = pipelineChanges(snapshot, options);
const dealOf = (name: WaterfallDeal) => report.deals.find((d) => d.opportunityId === w[name]);

describe('pipelineChanges on the waterfall org', () => {
  it('puts each deal in the bucket worked out by hand, with its signed change', () => {
    const expected: Array<[WaterfallDeal, string, number]> = [
      ['W1', 'unchanged', 0],
      ['W2', 'created', 2000],
      ['W3', 'pulledIn', 3000],
      ['W4', 'pushedIn', 4000],
      ['W5', 'reopened', 5500],
      ['W6', 'increased', 600],
      ['W7', 'decreased', -900], // 7,200 at a (the row at 15:00 local on a counts), 6,300 at b (22:30 local on b)
      ['W8', 'pushedOut', -8000], // its amount at a, not the 9,000 it was raised to while pushed
      ['W9', 'pulledOutEarlier', -900],
      ['W10', 'won', -10000], // the pipeline it took out, not the 10,500 booked
      ['W11', 'lost', -1100],
      ['W12', 'increased', 50], // out on 02-04, back on 02-09: 1,250 − 1,200
      ['W13', 'increased', 3000], // EUR 4,000 at 0.8 (close 02-20) = 5,000, at 0.5 (close 03-10) = 8,000
      ['W14', 'won', -1400], // won with a close date after the period: closing takes precedence
      ['W17', 'increased', 700], // no amount at a counts 0
      ['W18', 'unchanged', 0], // no history rows: the record is its state at both dates
    ];
    expect(report.deals.map((d) => [d.opportunityId, d.bucket, d.change]).sort()).toEqual(
      expected.map(([name, bucket, change]) => [w[name], bucket, change]).sort(),
    );
    // Created and won in between, closed before a, created after b, outside the period: in no bucket.
    for (const name of ['W16', 'W19', 'W20', 'W21', 'W22'] as const) expect(dealOf(name)).toBeUndefined();
  });

  it('adds up: start + Σ buckets = end', () => {
    const { org } = report;
    // Open in Q1 at a: W1 1,000 + W6 6,000 + W7 7,200 + W8 8,000 + W9 900 + W10 10,000 + W11 1,100 + W12 1,200
    // + W13 5,000 + W14 1,400 + W17 0 + W18 1,800 = 43,600 (12 deals).
    expect([org.start, org.startDeals]).toEqual([43600, 12]);
    // At b: W1 1,000 + W2 2,000 + W3 3,000 + W4 4,000 + W5 5,500 + W6 6,600 + W7 6,300 + W12 1,250 + W13 8,000
    // + W17 700 + W18 1,800 = 40,150 (11 deals).
    expect([org.end, org.endDeals]).toEqual([40150, 11]);
    expect(org.amounts).toEqual({
      created: 2000,
      pulledIn: 3000,
      pushedIn: 4000,
      reopened: 5500,
      increased: 4350, // 600 + 50 + 3,000 + 700
      decreased: -900,
      pushedOut: -8000,
      pulledOutEarlier: -900,
      won: -11400, // 10,000 + 1,400
      lost: -1100,
      unchanged: 0,
    });
    expect(org.counts).toEqual({
      created: 1,
      pulledIn: 1,
      pushedIn: 1,
      reopened: 1,
      increased: 4,
      decreased: 1,
      pushedOut: 1,
      pulledOutEarlier: 1,
      won: 2,
      lost: 1,
      unchanged: 2,
    });
    expect(org.start + CHANGE_BUCKETS.reduce((s, b) => s + org.amounts[b], 0)).toBe(org.end);
    expect(report.scopes).toEqual([report.org]);
    expect(report.reconciliation).toBeNull();
  });

  it('shows category moves beside the waterfall, not in it', () => {
    // Open in Q1 at both dates: W6 Best Case → Commit (6,600 at b), W12 Best Case → Pipeline (1,250 at b).
    expect(report.org.categoryMoves).toEqual([
      { from: 'Best Case', to: 'Pipeline', deals: 1, amount: 1250 },
      { from: 'Best Case', to: 'Commit', deals: 1, amount: 6600 },
    ]);
  });

  it('gives both states and the history rows between the dates', () => {
    const won = dealOf('W10');
    expect(won?.before).toMatchObject({ stage: 'Negotiation', amount: 10000, amountCorporate: 10000 });
    expect(won?.after).toMatchObject({ stage: 'Closed Won', amount: 10500, isWon: true, closeDate: '2026-02-13' });
    expect(won?.history).toEqual([
      {
        createdDate: '2026-02-13T15:00:00.000Z',
        date: '2026-02-13',
        stage: 'Closed Won',
        amount: 10500,
        closeDate: '2026-02-13',
        probability: null,
        forecastCategory: 'Closed',
      },
    ]);
    expect(dealOf('W12')?.history.map((r) => r.closeDate)).toEqual(['2026-04-30', '2026-03-28']);
    // The row on a (15:00 local) is the state at a, not a change after it; the one at 22:30 local on b is.
    expect(dealOf('W7')?.history.map((r) => [r.amount, r.date])).toEqual([[6300, '2026-02-15']]);
    expect(dealOf('W13')).toMatchObject({
      currency: 'EUR',
      before: { amount: 4000, amountCorporate: 5000, closeDate: '2026-02-20' },
      after: { amount: 4000, amountCorporate: 8000, closeDate: '2026-03-10' },
    });
    expect(dealOf('W2')?.before).toBeNull();
    expect(dealOf('W18')?.history).toEqual([]);
    // Bucket order, then the largest change first.
    expect(report.deals.slice(0, 5).map((d) => d.bucket)).toEqual([
      'created',
      'pulledIn',
      'pushedIn',
      'reopened',
      'increased',
    ]);
    expect(report.deals.filter((d) => d.bucket === 'increased').map((d) => d.change)).toEqual([3000, 700, 600, 50]);
  });

  it('splits by rep with rows that sum to the org', () => {
    const byRep = pipelineChanges(snapshot, { ...options, scopes: forecastScopes(snapshot, ['rep']) });
    const row = (id: string) => byRep.scopes.find((s) => s.scope.id === id);
    // A: start W1 1,000 + W10 10,000 + W12 1,200 + W14 1,400 = 13,600; end W1 + W2 2,000 + W3 3,000 + W12 1,250.
    expect([row(users.A)?.start, row(users.A)?.end]).toEqual([13600, 7250]);
    // B: start W6 6,000 + W11 1,100 + W17 0 + W18 1,800; end W4 4,000 + W5 5,500 + W6 6,600 + W17 700 + W18 1,800.
    expect([row(users.B)?.start, row(users.B)?.end]).toEqual([8900, 18600]);
    // C: start W7 7,200 + W8 8,000 + W9 900 + W13 5,000; end W7 6,300 + W13 8,000.
    expect([row(users.C)?.start, row(users.C)?.end]).toEqual([21100, 14300]);
    expect(row(users.C)?.amounts.increased).toBe(3000);
    expect(byRep.reconciliation).toBeNull();
    expect(byRep.org).toEqual(report.org);
  });

  it('says when the rows do not sum to the org (overlapping rows: teams and their reps)', () => {
    // Teams are manager-named roll-ups that do not nest on this org, so teams and reps listed together overlap.
    const mixed = pipelineChanges(snapshot, { ...options, scopes: forecastScopes(snapshot, ['team', 'rep']) });
    expect(mixed.reconciliation).not.toBeNull();
    expect(mixed.reconciliation?.overlappingDeals).toBeGreaterThan(0);
    const byTeam = pipelineChanges(snapshot, { ...options, scopes: forecastScopes(snapshot, ['team']) });
    expect(byTeam.org).toEqual(mixed.org);
  });

  it('is empty between a date and itself, and refuses a start after the end', () => {
    const same = pipelineChanges(snapshot, { period, since: '2026-02-15', asOf: '2026-02-15' });
    expect(same.org.start).toBe(40150);
    expect(same.org.end).toBe(40150);
    expect(same.deals.every((d) => d.bucket === 'unchanged')).toBe(true);
    expect(() => pipelineChanges(snapshot, { period, since: '2026-02-16', asOf: '2026-02-15' })).toThrow(/2026-02-16/);
  });
});

describe('quarterToDate on the waterfall org', () => {
  it('reads each quarter on the same day, as it stood then', () => {
    expect(quarterToDate(snapshot, '2026-02-15')).toEqual({
      day: 46,
      // Won as of 02-15 with close in Q1: W10 10,500 + W16 1,600 (W14 closes after Q1); open = the waterfall's end.
      current: {
        period: { label: 'FY2026-Q1', start: '2026-01-01', end: '2026-03-31' },
        asOf: '2026-02-15',
        bookings: 12100,
        openPipeline: 40150,
      },
      // As of 2025-11-15: W19 won 2,500 (W20 is won later, 12-05); open in Q4: W4 4,000 (close 12-20), W20 3,000.
      previousQuarter: {
        period: { label: 'FY2025-Q4', start: '2025-10-01', end: '2025-12-31' },
        asOf: '2025-11-15',
        bookings: 2500,
        openPipeline: 7000,
      },
      lastYear: {
        period: { label: 'FY2025-Q1', start: '2025-01-01', end: '2025-03-31' },
        asOf: '2025-02-15',
        bookings: 0,
        openPipeline: 0,
      },
    });
  });

  it('restricts to a scope', () => {
    const onlyC = quarterToDate(snapshot, '2026-02-15', (o) => o.OwnerId === users.C);
    expect([onlyC.current.bookings, onlyC.current.openPipeline]).toEqual([0, 14300]);
    expect([onlyC.previousQuarter.bookings, onlyC.previousQuarter.openPipeline]).toEqual([2500, 3000]);
  });
});

describe('waterfallSteps on the waterfall org', () => {
  it('runs each bar from the running total before it to the one after it', () => {
    const steps = waterfallSteps(report.org);
    expect(steps.map((s) => [s.key, s.from, s.to])).toEqual([
      ['start', 0, 43600],
      ['created', 43600, 45600],
      ['pulledIn', 45600, 48600],
      ['pushedIn', 48600, 52600],
      ['reopened', 52600, 58100],
      ['increased', 58100, 62450],
      ['decreased', 62450, 61550],
      ['pushedOut', 61550, 53550],
      ['pulledOutEarlier', 53550, 52650],
      ['won', 52650, 41250],
      ['lost', 41250, 40150],
      ['end', 0, 40150],
    ]);
    expect(steps.map((s) => s.deals)).toEqual([12, 1, 1, 1, 1, 4, 1, 1, 1, 2, 1, 11]);
  });
});
