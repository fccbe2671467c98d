import {
  pipelineToAdd,
  type HygieneRule,
  type PipelineHygieneReport,
  type RepComparison,
  type TerritoryCoverageReport,
} from '@salesops/core';
import type { TeamFigures } from './reportTypes.js';

/** Who owns an item, from the top of the hierarchy down (the order ties are broken in). */
export const ACTION_LEVELS = ['org', 'team', 'territory', 'rep'] as const;
export type ActionLevel = (typeof ACTION_LEVELS)[number];

/** Every item names its owner and the money at stake, in the corporate currency (glossary `moneyAtStake`). */
interface Owned {
  readonly level: ActionLevel;
  readonly owner: string;
  readonly money: number;
}

export type ActionItem = Owned &
  (
    | { kind: 'forecastGap'; forecast: number; quota: number; share: number }
    | { kind: 'lowCoverage'; coverage: number; required: number }
    | { kind: 'bottleneck'; stage: string; rate: number; peerRate: number }
    | { kind: 'territoryWithoutRep' }
    | { kind: 'hygiene'; deals: number; rules: HygieneRule[] }
    | { kind: 'bottom'; attainment: number }
  );

export const ACTION_KINDS = [
  'forecastGap',
  'lowCoverage',
  'territoryWithoutRep',
  'bottom',
  'bottleneck',
  'hygiene',
] as const satisfies ReadonlyArray<ActionItem['kind']>;

/** The hygiene rules an owner is asked to fix in the action list (the others stay in the hygiene section). */
const ACTION_RULES: readonly HygieneRule[] = ['PUSHED', 'STALE_STAGE', 'PAST_CLOSE_DATE', 'OWNER_INACTIVE'];

/**
 * The action items of the period, each stated once at the level that owns it, ranked by money at stake.
 *
 * - forecastGap (org, team): quota − forecast, where the run's forecast is below 90% of quota.
 * - lowCoverage (org, team): the pipeline to add, required coverage × remaining quota − open pipeline.
 * - A team's (or the org's) forecastGap or lowCoverage is left out when the same item of its sub-teams adds up to at
 *   least its money at stake: the sub-teams own it (docs/report.md "Action items").
 * - territoryWithoutRep: the territory's open pipeline; bottom: the rep's remaining quota; bottleneck: the rep's open
 *   pipeline × (peer rate − rate); hygiene: the owner's open amount flagged by PUSHED, STALE_STAGE, PAST_CLOSE_DATE or
 *   OWNER_INACTIVE, each deal once.
 * - Ranking: money at stake, largest first; ties by level (org, team, territory, rep), kind, then owner's name.
 */
export function reportActions(input: {
  org: TeamFigures;
  teams: readonly TeamFigures[];
  comparison: readonly RepComparison[];
  territories: TerritoryCoverageReport;
  hygiene: PipelineHygieneReport;
}): ActionItem[] {
  const scopes = [input.org, ...input.teams];
  const gaps = new Map<string, ActionItem>();
  const shortfalls = new Map<string, ActionItem>();
  for (const s of scopes) {
    const level: ActionLevel = s.depth === 0 ? 'org' : 'team';
    if (s.quota !== null && s.quota > 0 && s.forecast !== null && s.forecast < 0.9 * s.quota) {
      const share = s.forecast / s.quota;
      const item = { kind: 'forecastGap', level, owner: s.name, money: s.quota - s.forecast } as const;
      gaps.set(s.id, { ...item, forecast: s.forecast, quota: s.quota, share });
    }
    // Below the required coverage exactly when there is pipeline to add (the attainment card's "Add $… of pipeline").
    const money = pipelineToAdd(s);
    if (money !== null && money > 0 && s.coverage !== null && s.requiredCoverage !== null) {
      const item = { kind: 'lowCoverage', level, owner: s.name, money } as const;
      shortfalls.set(s.id, { ...item, coverage: s.coverage, required: s.requiredCoverage });
    }
  }
  const items = [...ownedOnce(scopes, gaps), ...ownedOnce(scopes, shortfalls)];
  for (const t of input.territories.gaps.territoriesWithoutRep) {
    const territory = input.territories.territories.find((x) => x.territoryId === t.id);
    items.push({ kind: 'territoryWithoutRep', level: 'territory', owner: t.name, money: territory?.openPipeline ?? 0 });
  }
  for (const c of input.comparison) {
    const p = c.performance;
    if (c.flags.includes('bottom') && p.attainment !== null)
      items.push({
        kind: 'bottom',
        level: 'rep',
        owner: c.name,
        money: p.remainingQuota ?? 0,
        attainment: p.attainment,
      });
    for (const b of c.bottlenecks) {
      const money = p.openPipeline * Math.max(0, b.peerRate - b.rate);
      items.push({ kind: 'bottleneck', level: 'rep', owner: c.name, money, ...b });
    }
  }
  items.push(...hygieneItems(input.hygiene));
  return items.sort(byMoneyAtStake);
}

/** Drops a scope's item when its direct sub-teams' items of the same kind add up to at least its money at stake. */
function ownedOnce(scopes: readonly TeamFigures[], items: ReadonlyMap<string, ActionItem>): ActionItem[] {
  const below = new Map<string, number>();
  for (const s of scopes) {
    const item = items.get(s.id);
    if (item && s.parentId !== null) below.set(s.parentId, (below.get(s.parentId) ?? 0) + item.money);
  }
  return scopes.flatMap((s) => {
    const item = items.get(s.id);
    return item && (below.get(s.id) ?? 0) < item.money ? [item] : [];
  });
}

function hygieneItems(report: PipelineHygieneReport): ActionItem[] {
  const byOwner = new Map<string, { owner: string; deals: number; money: number; rules: Set<HygieneRule> }>();
  for (const d of report.deals) {
    const rules = d.flags.map((f) => f.rule).filter((r) => ACTION_RULES.includes(r));
    if (rules.length === 0) continue;
    const e = byOwner.get(d.ownerId) ?? { owner: d.ownerName, deals: 0, money: 0, rules: new Set<HygieneRule>() };
    e.deals++;
    e.money += d.amount ?? 0;
    for (const r of rules) e.rules.add(r);
    byOwner.set(d.ownerId, e);
  }
  return [...byOwner.values()].map((e) => ({
    kind: 'hygiene',
    level: 'rep',
    owner: e.owner,
    money: e.money,
    deals: e.deals,
    rules: ACTION_RULES.filter((r) => e.rules.has(r)),
  }));
}

/** Largest money at stake first; ties by level, kind, then owner's name (code-point order, the same everywhere). */
export function byMoneyAtStake(a: ActionItem, b: ActionItem): number {
  return (
    Math.round(b.money * 100) - Math.round(a.money * 100) ||
    ACTION_LEVELS.indexOf(a.level) - ACTION_LEVELS.indexOf(b.level) ||
    ACTION_KINDS.indexOf(a.kind) - ACTION_KINDS.indexOf(b.kind) ||
    (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0)
  );
}
