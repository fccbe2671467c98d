import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { computePerformance } from './computePerformance.js';

const data = smallOrg();
const snapshot = createOrgSnapshot(data);
const asOfs = fc.integer({ min: 0, max: 300 }).map((n) => addDays('2025-09-01', n));
const periodTypes = fc.constantFrom('Month' as const, 'Quarter' as const, 'Year' as const);

describe('performance properties', () => {
  it('team and org totals equal the sums over their reps', () => {
    fc.assert(
      fc.property(asOfs, periodTypes, (asOf, type) => {
        const report = computePerformance(snapshot, { period: snapshot.calendar.periodOf(asOf, type), asOf });
        for (const team of report.teams) {
          const members = report.reps.filter(
            (r) => r.roleId !== null && snapshot.roleSubtree(team.roleId).has(r.roleId),
          );
          const sum = (pick: (r: (typeof members)[number]) => number) => members.reduce((s, r) => s + pick(r), 0);
          expect(team.closedWon).toBeCloseTo(
            sum((r) => r.closedWon),
            6,
          );
          expect(team.won).toBe(sum((r) => r.won));
          expect(team.lost).toBe(sum((r) => r.lost));
          expect(team.openPipeline).toBeCloseTo(
            sum((r) => r.openPipeline),
            6,
          );
          expect(team.pipelineCreated).toBeCloseTo(
            sum((r) => r.pipelineCreated),
            6,
          );
          const quotas = members.filter((r) => r.quota !== null);
          expect(team.quota).toEqual(quotas.length === 0 ? null : quotas.reduce((s, r) => s + (r.quota ?? 0), 0));
        }
        expect(report.org.closedWon).toBeCloseTo(
          report.reps.reduce((s, r) => s + r.closedWon, 0),
          6,
        );
      }),
      { numRuns: 80 },
    );
  });

  it('attainment scales inversely with quota', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), asOfs, (tenths, asOf) => {
        const k = tenths / 10;
        const scaled = createOrgSnapshot({
          ...data,
          forecastingQuotas: data.forecastingQuotas.map((q) => ({ ...q, QuotaAmount: (q.QuotaAmount ?? 0) * k })),
        });
        const period = snapshot.calendar.periodOf(asOf, 'Quarter');
        const base = computePerformance(snapshot, { period, asOf });
        const other = computePerformance(scaled, { period, asOf });
        for (const rep of base.reps) {
          const twin = other.reps.find((r) => r.repId === rep.repId);
          if (rep.attainment === null) expect(twin?.attainment ?? null).toBeNull();
          else expect(twin?.attainment).toBeCloseTo(rep.attainment / k, 6);
        }
      }),
      { numRuns: 40 },
    );
  });
});
