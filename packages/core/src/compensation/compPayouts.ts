import { teamHierarchy } from '../hierarchy/index.js';
import type { PerformanceReport } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { ratio } from '../stats/index.js';
import type { CompPlan } from './compPlan.js';
import { marginalTierRate, payoutCurve } from './payoutCurve.js';

export interface ComponentPayout {
  readonly name: string;
  readonly measure: 'individual' | 'team';
  readonly weight: number;
  readonly attainment: number | null;
  /** Payout of the component before the cap, in the corporate currency. */
  readonly payout: number;
}

export interface RepPayout {
  readonly repId: string;
  readonly name: string;
  readonly targetIncentive: number;
  readonly components: readonly ComponentPayout[];
  /** Total payout after the cap; null when the rep has no quota (attainment undefined). */
  readonly payout: number | null;
  readonly capped: boolean;
  /** Extra payout per unit of extra bookings at the current attainment (0 when capped). */
  readonly marginalRate: number | null;
  /** The average deal size used for the "next deal" figure (the rep's, else the team's, else the org's). */
  readonly nextDealAmount: number | null;
  /** What closing one more deal of that size would add to the payout. */
  readonly nextDealPayout: number | null;
}

/**
 * Payouts for a plan (metrics.md "Compensation"): per rep, target incentive × Σ over components of weight ×
 * payout curve(attainment), capped at `cap` × target; the marginal rate at the current attainment; and what the
 * next deal of average size would earn (counting toward both the rep's and the team's attainment). The team of a
 * rep is the innermost team of `teamHierarchy` the rep belongs to (for a manager, the team they lead).
 *
 * @example
 * compPayouts(snapshot, plan, computePerformance(snapshot, { period, asOf }))[0]?.payout;
 */
export function compPayouts(snapshot: OrgSnapshot, plan: CompPlan, report: PerformanceReport): RepPayout[] {
  const teams = new Map(report.teams.map((t) => [t.roleId, t]));
  return report.reps
    .filter((rep) => rep.isActive)
    .map((rep) => {
      const target = plan.targetIncentives?.[rep.repId] ?? plan.targetIncentive;
      const teamId = teamHierarchy(snapshot).teamOf(rep.repId)?.id;
      const team = teamId === undefined ? undefined : teams.get(teamId);
      const measures = {
        individual: { closedWon: rep.closedWon, quota: rep.quota },
        team: { closedWon: team?.closedWon ?? rep.closedWon, quota: team?.quota ?? rep.quota },
      };

      const evaluate = (extra: number) => {
        const components = plan.components.map((c) => {
          const m = measures[c.measure];
          const attainment = ratio(m.closedWon + extra, m.quota);
          return {
            name: c.name,
            measure: c.measure,
            weight: c.weight,
            attainment,
            payout: attainment === null ? 0 : target * c.weight * payoutCurve(plan.tiers, attainment),
          };
        });
        const undefinedAttainment = components.some((c) => c.attainment === null);
        const uncapped = components.reduce((sum, c) => sum + c.payout, 0);
        const cap = plan.cap === undefined ? Infinity : plan.cap * target;
        return { components, payout: undefinedAttainment ? null : Math.min(uncapped, cap), capped: uncapped > cap };
      };

      const now = evaluate(0);
      let marginalRate: number | null = null;
      if (now.payout !== null) {
        marginalRate = now.capped
          ? 0
          : plan.components.reduce((sum, c, i) => {
              const m = measures[c.measure];
              const attainment = now.components[i]?.attainment ?? 0;
              return sum + (target * c.weight * marginalTierRate(plan.tiers, attainment)) / (m.quota as number);
            }, 0);
      }
      const nextDealAmount = rep.avgDealSize ?? team?.avgDealSize ?? report.org.avgDealSize;
      const next = nextDealAmount === null ? null : evaluate(nextDealAmount);
      return {
        repId: rep.repId,
        name: rep.name,
        targetIncentive: target,
        components: now.components,
        payout: now.payout,
        capped: now.capped,
        marginalRate,
        nextDealAmount,
        nextDealPayout: next?.payout == null || now.payout === null ? null : next.payout - now.payout,
      };
    });
}
