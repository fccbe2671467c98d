import { describe, expect, it } from 'vitest';
import { computePerformance } from '../performance/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg, users } from '../testing/smallOrg.js';
import { CompPlanError, parseCompPlan, type CompPlan } from './compPlan.js';
import { compPayouts } from './compPayouts.js';
import { marginalTierRate, payoutCurve } from './payoutCurve.js';

const plan: CompPlan = parseCompPlan({
  name: '75/25',
  targetIncentive: 10000,
  components: [
    { name: 'Individual', measure: 'individual', weight: 0.75 },
    { name: 'Team', measure: 'team', weight: 0.25 },
  ],
  tiers: [
    { from: 0, to: 0.5, rate: 0.5 },
    { from: 0.5, to: 1, rate: 1 },
    { from: 1, to: 1.5, rate: 2 },
    { from: 1.5, rate: 3 },
  ],
  cap: 2.5,
});

describe('payout curve', () => {
  it('pays each tier at its rate', () => {
    expect(payoutCurve(plan.tiers, 0.3)).toBeCloseTo(0.15, 12); // 0.5 × 0.3
    expect(payoutCurve(plan.tiers, 1)).toBeCloseTo(0.75, 12); // 0.25 + 0.5
    expect(payoutCurve(plan.tiers, 1.2)).toBeCloseTo(1.15, 12); // 0.25 + 0.5 + 2 × 0.2
    expect(payoutCurve(plan.tiers, 2)).toBeCloseTo(3.25, 12); // 0.25 + 0.5 + 1 + 3 × 0.5
    expect([
      marginalTierRate(plan.tiers, 0.2),
      marginalTierRate(plan.tiers, 1),
      marginalTierRate(plan.tiers, 9),
    ]).toEqual([0.5, 2, 3]);
  });
});

describe('compPayouts on the hand-built org', () => {
  const snapshot = createOrgSnapshot(smallOrg());
  const report = computePerformance(snapshot, {
    period: snapshot.calendar.periodByLabel('FY2026-Q1')!,
    asOf: '2026-03-15',
  });

  it('pays 75 % on the rep and 25 % on the team, with the marginal rate and the next deal', () => {
    const a = compPayouts(snapshot, plan, report).find((p) => p.repId === users.A)!;
    // Individual 17,000 / 30,000 = 0.5667 → 0.25 + 0.0667 = 0.3167; team East 27,000 / 90,000 = 0.3 → 0.15.
    // 10,000 × (0.75 × 0.3167 + 0.25 × 0.15) = 2,750.
    expect(a.payout).toBeCloseTo(2750, 6);
    expect(a.components.map((c) => c.attainment)).toEqual([17000 / 30000, 0.3]);
    // 10,000 × 0.75 × 1 / 30,000 + 10,000 × 0.25 × 0.5 / 90,000 per dollar booked.
    expect(a.marginalRate).toBeCloseTo(0.25 + 2500 / 180000, 12);
    // Next deal of 5,666.67: individual 0.7556 → 0.5056; team 0.3630 → 0.1815 → 4,245.37 − 2,750.
    expect(a.nextDealAmount).toBeCloseTo(17000 / 3, 8);
    expect(a.nextDealPayout).toBeCloseTo(
      10000 * (0.75 * (0.25 + 22666.666666666668 / 30000 - 0.5) + 0.25 * 0.5 * (32666.666666666668 / 90000)) - 2750,
      6,
    );
  });

  it('uses the team of the parent role, and has no payout without a quota', () => {
    const payouts = compPayouts(snapshot, plan, report);
    // C: 1/3 → 1/6; team West 18,000 / 45,000 = 0.4 → 0.2 → 10,000 × (0.125 + 0.05).
    expect(payouts.find((p) => p.repId === users.C)?.payout).toBeCloseTo(1750, 6);
    expect(payouts.find((p) => p.repId === users.D)).toMatchObject({ payout: null, marginalRate: null });
  });

  it('caps the payout and then earns nothing at the margin', () => {
    const capped = compPayouts(snapshot, { ...plan, cap: 0.2 }, report).find((p) => p.repId === users.A)!;
    expect([capped.payout, capped.capped, capped.marginalRate, capped.nextDealPayout]).toEqual([2000, true, 0, 0]);
  });
});

describe('plan validation', () => {
  it('names every bad field with its fix', () => {
    const bad = {
      name: 'bad',
      components: [
        { name: 'Individual', measure: 'individual', weight: 0.75 },
        { name: 'Team', measure: 'region', weight: 0.3 },
      ],
      tiers: [
        { from: 0, to: 1, rate: 1 },
        { from: 1.2, rate: 2 },
      ],
    };
    let error: CompPlanError | undefined;
    try {
      parseCompPlan(bad, 'plans/bad.json');
    } catch (e) {
      error = e as CompPlanError;
    }
    expect(error).toBeInstanceOf(CompPlanError);
    const paths = error?.issues.map((i) => i.path);
    expect(paths).toContain('targetIncentive');
    expect(paths).toContain('components[1].measure');
    expect(error?.message).toMatch(/^plans\/bad\.json is not a valid compensation plan/);
  });

  it('rejects weights that do not add up to 1 and tiers that are not contiguous', () => {
    const base = { name: 'p', targetIncentive: 1, tiers: [{ from: 0, rate: 1 }] };
    expect(() => parseCompPlan({ ...base, components: [{ name: 'I', measure: 'individual', weight: 0.5 }] })).toThrow(
      /components: component weights add up to 0.5/,
    );
    expect(() =>
      parseCompPlan({
        ...base,
        components: [{ name: 'I', measure: 'individual', weight: 1 }],
        tiers: [
          { from: 0, to: 1, rate: 1 },
          { from: 1.2, rate: 2 },
        ],
      }),
    ).toThrow(/tiers\[1\]\.from: tier starts at 1.2 but must start at 1/);
  });
});
