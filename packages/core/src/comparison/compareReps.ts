import { dayNumber, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import { dealFactsAsOf, type PerformanceReport, type RepPerformance } from '../performance/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import {
  pooledShrinkage,
  rankings,
  shrunkRate,
  type MetricDirection,
  type Ranking,
  type ShrinkageTarget,
} from '../stats/index.js';
import { funnelBottlenecks, type FunnelBottleneck } from './funnelBottlenecks.js';
import { peerGroupOf, type PeerGroupType } from './peerGroups.js';
import { createStageFunnel, type StageConversion, type StageFunnel } from './stageFunnel.js';

/** The metrics the comparison ranks, with the direction that is better. */
export const COMPARED_METRICS = {
  attainment: 'higher',
  closedWon: 'higher',
  winRate: 'higher',
  winRateValue: 'higher',
  avgDealSize: 'higher',
  medianCycleDays: 'lower',
  openPipeline: 'higher',
  coverage: 'higher',
  pipelineCreated: 'higher',
  slipped: 'lower',
  pace: 'higher',
  velocity: 'higher',
} as const satisfies Record<string, MetricDirection>;
export type ComparedMetricName = keyof typeof COMPARED_METRICS;

/** Periods (the compared one and the ones before it) whose closed deals make up each rep's stage funnel. */
export const FUNNEL_PERIODS = 4;

/** Reps with closed deals a peer group needs for its own shrinkage target; smaller groups use everyone's. */
export const MIN_SHRINKAGE_GROUP = 3;

export interface ComparedMetric extends Ranking {
  readonly value: number | null;
}

export interface RepComparison {
  readonly repId: string;
  readonly name: string;
  /** Null for reps outside every peer group (inactive, or no quota in the period). */
  readonly peerGroup: {
    readonly type: PeerGroupType;
    readonly key: string;
    readonly name: string;
    readonly size: number;
  } | null;
  readonly performance: RepPerformance;
  readonly metrics: Readonly<Record<ComparedMetricName, ComparedMetric>>;
  /**
   * Win rate by count shrunk toward the peer group: (won + μ·s) / (closed + s), μ the group's pooled win rate, s =
   * max(2, median closed deals of its reps with any); a group with fewer than 3 reps with closed deals uses μ and s of
   * all compared reps. Null with no closed deals, and for reps outside every peer group.
   */
  readonly winRateShrunk: number | null;
  /** `top` / `bottom`: in the top or bottom decile of the peer group on attainment. */
  readonly flags: ReadonlyArray<'top' | 'bottom'>;
  /** Stage-to-next conversion over the rep's deals closed in the last FUNNEL_PERIODS periods, in stage order. */
  readonly funnel: readonly StageConversion[];
  readonly bottlenecks: readonly FunnelBottleneck[];
}

export interface CompareRepsOptions {
  readonly period: FiscalPeriod;
  readonly asOf: IsoDate;
  readonly peerGroup?: PeerGroupType;
}

function metricValue(p: RepPerformance, name: ComparedMetricName): number | null {
  return name === 'slipped' ? p.slipped.count : p[name];
}

/**
 * The rep comparison table (metrics.md "Rep comparison"): per rep, rank, percentile and z-score of each metric
 * within the peer group (active reps carrying a quota in the period; by default those sharing a parent role),
 * the shrunk win rate, top/bottom flags, the stage funnel and its bottlenecks.
 *
 * @example
 * const table = compareReps(snapshot, computePerformance(snapshot, { period, asOf }), { period, asOf });
 */
export function compareReps(
  snapshot: OrgSnapshot,
  report: PerformanceReport,
  options: CompareRepsOptions,
): RepComparison[] {
  const type = options.peerGroup ?? 'role';
  const eligible = report.reps.filter((r) => r.isActive && r.quota !== null);
  const groups = new Map<string, RepPerformance[]>();
  const groupOf = new Map<string, ReturnType<typeof peerGroupOf>>();
  for (const rep of eligible) {
    const group = peerGroupOf(snapshot, rep.repId, type);
    groupOf.set(rep.repId, group);
    const members = groups.get(group.key);
    if (members) members.push(rep);
    else groups.set(group.key, [rep]);
  }

  const funnels = repFunnels(snapshot, new Set(report.reps.map((r) => r.repId)), options);
  const stageOrder = snapshot.stageOrder.filter((s) => !s.IsClosed).map((s) => s.MasterLabel);
  const metricNames = Object.keys(COMPARED_METRICS) as ComparedMetricName[];

  const closedOf = (m: RepPerformance) => ({ successes: m.won, trials: m.won + m.lost });
  const everyone = pooledShrinkage(eligible.map(closedOf));

  const rankingsByRep = new Map<string, Record<ComparedMetricName, Ranking>>();
  const shrunkByRep = new Map<string, number | null>();
  const bottlenecksByRep = new Map<string, FunnelBottleneck[]>();
  for (const members of groups.values()) {
    const perMetric = metricNames.map((name) =>
      rankings(
        members.map((m) => metricValue(m, name)),
        COMPARED_METRICS[name],
      ),
    );
    const target: ShrinkageTarget | null =
      members.filter((m) => m.won + m.lost > 0).length >= MIN_SHRINKAGE_GROUP
        ? pooledShrinkage(members.map(closedOf))
        : everyone;
    // The group's pooled funnel; each rep's peers are the pool without the rep (linear in the group's size).
    const pooled = new Map<string, StageConversion>();
    for (const m of members) {
      for (const s of funnels.get(m.repId)?.values() ?? []) {
        const entry = pooled.get(s.stage) ?? { stage: s.stage, reached: 0, converted: 0 };
        entry.reached += s.reached;
        entry.converted += s.converted;
        pooled.set(s.stage, entry);
      }
    }
    members.forEach((m, i) => {
      rankingsByRep.set(
        m.repId,
        Object.fromEntries(metricNames.map((name, k) => [name, perMetric[k]?.[i]])) as Record<
          ComparedMetricName,
          Ranking
        >,
      );
      shrunkByRep.set(m.repId, shrunkRate(m.won, m.won + m.lost, target));
      const own = funnels.get(m.repId);
      const peers = new Map<string, StageConversion>();
      for (const [stage, total] of pooled) {
        const mine = own?.get(stage);
        const reached = total.reached - (mine?.reached ?? 0);
        if (reached > 0) peers.set(stage, { stage, reached, converted: total.converted - (mine?.converted ?? 0) });
      }
      bottlenecksByRep.set(m.repId, funnelBottlenecks(funnels.get(m.repId) ?? new Map(), peers, stageOrder));
    });
  }

  const unranked: Ranking = { rank: null, percentile: null, zScore: null };
  return report.reps.map((rep) => {
    const group = groupOf.get(rep.repId);
    const ranks = rankingsByRep.get(rep.repId);
    const metrics = Object.fromEntries(
      metricNames.map((name) => [name, { value: metricValue(rep, name), ...(ranks?.[name] ?? unranked) }]),
    ) as Record<ComparedMetricName, ComparedMetric>;
    const attainmentPercentile = metrics.attainment.percentile;
    const flags: Array<'top' | 'bottom'> = [];
    if (attainmentPercentile !== null && attainmentPercentile >= 90) flags.push('top');
    if (attainmentPercentile !== null && attainmentPercentile <= 10) flags.push('bottom');
    const funnel = funnels.get(rep.repId);
    return {
      repId: rep.repId,
      name: rep.name,
      peerGroup: group ? { ...group, size: groups.get(group.key)?.length ?? 0 } : null,
      performance: rep,
      metrics,
      winRateShrunk: shrunkByRep.get(rep.repId) ?? null,
      flags,
      funnel: stageOrder.map((stage) => funnel?.get(stage)).filter((s) => s !== undefined),
      bottlenecks: bottlenecksByRep.get(rep.repId) ?? [],
    };
  });
}

/** Each rep's funnel over their deals closed (as of the date) in the compared period or the ones before it. */
function repFunnels(
  snapshot: OrgSnapshot,
  repIds: ReadonlySet<string>,
  { period, asOf }: CompareRepsOptions,
): Map<string, Map<string, StageConversion>> {
  const earlier = snapshot.calendar.previousPeriods(period, FUNNEL_PERIODS - 1);
  const from = earlier[earlier.length - 1]?.start ?? period.start;
  const [fromDay, endDay] = [dayNumber(from), dayNumber(period.end)];
  const funnels = new Map<string, StageFunnel>();
  for (const fact of dealFactsAsOf(snapshot, asOf)) {
    if (!fact.isClosed || fact.closeDay < fromDay || fact.closeDay > endDay) continue;
    const owner = fact.ownerId;
    if (!repIds.has(owner)) continue;
    let funnel = funnels.get(owner);
    if (!funnel) funnels.set(owner, (funnel = createStageFunnel(snapshot.stageOrder)));
    funnel.add(fact.history, asOf);
  }
  return new Map([...funnels].map(([owner, funnel]) => [owner, funnel.counts()]));
}
