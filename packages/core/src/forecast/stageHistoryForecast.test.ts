import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../model/index.js';
import type { DealState } from '../snapshot/index.js';
import type { ForecastDeal, PeriodDeals } from './periodDeals.js';
import { stageHistoryForecast } from './stageHistoryForecast.js';
import type { StageWinRates } from './stageWinRates.js';

const deal = (owner: string, stage: string, probability: number, amount: number): ForecastDeal => ({
  opportunity: { OwnerId: owner, Type: null } as Opportunity,
  state: { StageName: stage, Probability: probability } as DealState,
  amount,
  createdOn: '2026-01-01',
});

describe('stageHistoryForecast', () => {
  it("asks each rates object once per stage cell and fallback, and gives each deal its cell's probability", () => {
    const asked: string[] = [];
    const ratesOf = (owner: string): StageWinRates => ({
      probability(stage, _daysLeft, fallback) {
        asked.push(`${owner}|${stage}|${fallback}`);
        return { probability: fallback / (owner === 'A' ? 2 : 4), deals: 0, won: 0, source: 'borrowed' };
      },
    });
    const byOwner = new Map(['A', 'B'].map((o) => [o, ratesOf(o)]));
    // A stage the org does not know: each deal's own probability is its fallback.
    const open = [
      deal('A', 'Unknown', 40, 100),
      deal('A', 'Unknown', 40, 200),
      deal('A', 'Unknown', 80, 100),
      deal('B', 'Unknown', 40, 100),
      deal('A', 'Unknown', 40, 50),
    ];
    const deals: PeriodDeals = {
      period: { start: '2026-10-01', end: '2026-12-31' } as PeriodDeals['period'],
      asOf: '2026-11-16',
      closedWon: 10,
      won: [],
      open,
    };
    const f = stageHistoryForecast(deals, (o) => byOwner.get(o.OwnerId as string) as StageWinRates);
    expect([...f.probabilities]).toEqual([0.2, 0.2, 0.4, 0.1, 0.2]);
    expect(f.forecast).toBeCloseTo(10 + 0.2 * 100 + 0.2 * 200 + 0.4 * 100 + 0.1 * 100 + 0.2 * 50, 9);
    expect(asked).toEqual(['A|Unknown|0.4', 'A|Unknown|0.8', 'B|Unknown|0.4', 'A|Unknown|0.4']);
  });
});
