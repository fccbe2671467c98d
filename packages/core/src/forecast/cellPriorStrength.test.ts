import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../model/index.js';
import { cellPriorStrength, MAX_PRIOR_STRENGTH } from './cellPriorStrength.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { stageObservations, type StageObservation, type StageObservations } from './stageObservations.js';

/** Observations of one cell (Prospecting, bucket 4): per owner, deals and wins; plus one of another cell. */
function window(owners: Record<string, [number, number]>): StageObservations {
  const list: StageObservation[] = [];
  for (const [owner, [deals, won]] of Object.entries(owners)) {
    for (let i = 0; i < deals; i++) {
      const opportunity = { OwnerId: owner } as Opportunity;
      list.push({ opportunity, period: 'FY2026-Q1', stage: 'Prospecting', bucket: 4, won: i < won });
    }
  }
  list.push({
    opportunity: { OwnerId: 'A' } as Opportunity,
    period: 'FY2026-Q1',
    stage: 'Proposal',
    bucket: 4,
    won: true,
  });
  return { periods: [], byPeriod: [list], observations: list };
}

describe('cellPriorStrength: how much reps differ in a cell, as a Beta prior strength', () => {
  it('two reps at 2/10 and 8/10', () => {
    // p̄ = 0.5; S = 10 (0.2 − 0.5)² + 10 (0.8 − 0.5)² = 1.8; coins (R − 1) p̄ (1 − p̄) = 0.25; N − Σ n² / N = 20 − 10 = 10:
    // v = (1.8 − 0.25) / 10 = 0.155, κ = 0.25 / 0.155 − 1 = 0.612903…
    expect(cellPriorStrength(window({ A: [10, 2], B: [10, 8] }), 'Prospecting', 4)).toBeCloseTo(0.25 / 0.155 - 1, 12);
  });

  it('reps no further apart than their coins: the strongest prior; one rep or no wins: none', () => {
    expect(cellPriorStrength(window({ A: [10, 5], B: [10, 5] }), 'Prospecting', 4)).toBe(MAX_PRIOR_STRENGTH);
    expect(cellPriorStrength(window({ A: [10, 5] }), 'Prospecting', 4)).toBe(0);
    expect(cellPriorStrength(window({ A: [10, 0], B: [4, 0] }), 'Prospecting', 4)).toBe(0);
  });
});

describe('cellPriorStrength over a window’s columns', () => {
  it('gives what the plain definition gives over the same observations as objects', () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const columns = stageObservations(snapshot, snapshot.calendar.periodByLabel('FY2026-Q1')!, '2026-03-15');
    const objects: StageObservations = {
      periods: columns.periods,
      byPeriod: columns.byPeriod,
      observations: columns.observations,
    };
    const cells = [...new Set(columns.observations.map((o) => o.stage))];
    expect(columns.observations.length).toBeGreaterThan(0);
    for (const cell of cells) {
      for (let bucket = 0; bucket < 6; bucket++) {
        expect(cellPriorStrength(columns, cell, bucket)).toBe(cellPriorStrength(objects, cell, bucket));
      }
    }
  });
});
