import { describe, expect, it } from 'vitest';
import { LeadRouter } from './leadAssignment.js';
import { createRandom } from './random.js';
import type { RepProfile, SalesTeam } from './salesTeam.js';

function rep(id: string, team: number, weight: number, skill: number, hireDay = 0, leaveDay: number | null = null) {
  return { id, team, weight, skill, hireDay, leaveDay } as unknown as RepProfile;
}

const reps = [rep('a', 0, 1, 0), rep('b', 0, 2, 0.2), rep('c', 0, 1, -0.5), rep('d', 0, 1, 0.1)];
const team = { reps } as unknown as SalesTeam;

function deal(router: LeadRouter, leads: number, day = 10): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < leads; i++) {
    const owner = router.ownerFor(0, day);
    if (owner) counts.set(owner.id, (counts.get(owner.id) ?? 0) + 1);
  }
  return counts;
}

describe('LeadRouter', () => {
  it('deals a fair team one lead each per round, in a fixed order', () => {
    const router = new LeadRouter(team, createRandom(1), new Set());
    expect([...deal(router, 400).values()]).toEqual([100, 100, 100, 100]);
    expect(router.bent.size).toBe(0);
  });

  it('skips reps who do not work on the day', () => {
    const withLeaver = { reps: [...reps.slice(0, 3), rep('d', 0, 1, 0.1, 0, 5)] } as unknown as SalesTeam;
    const router = new LeadRouter(withLeaver, createRandom(1), new Set());
    expect(deal(router, 300).get('d')).toBeUndefined();
  });

  it('gives a bent team’s favourite an extra lead each round and skips its sidelined rep about half the time', () => {
    const router = new LeadRouter(team, createRandom(7), new Set([0]));
    expect(router.bent.get(0)).toEqual({ favouriteId: 'b', sidelinedId: 'c', skipChance: 0.5 });
    const counts = deal(router, 4000);
    const fair = counts.get('a') as number;
    // Per round: a, d once; b twice; c half the time (the last round may be cut short).
    expect(Math.abs((counts.get('d') as number) - fair)).toBeLessThanOrEqual(1);
    expect(Math.abs((counts.get('b') as number) - 2 * fair)).toBeLessThanOrEqual(2);
    expect((counts.get('c') as number) / fair).toBeGreaterThan(0.4);
    expect((counts.get('c') as number) / fair).toBeLessThan(0.6);
  });
});
