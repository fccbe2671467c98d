import { wilsonInterval } from '../stats/index.js';
import type { StageConversion } from './stageFunnel.js';

/** A stage where a rep converts worse than the peers, beyond chance. */
export interface FunnelBottleneck {
  readonly stage: string;
  readonly rate: number;
  readonly peerRate: number;
  readonly interval: { readonly lower: number; readonly upper: number };
  readonly peerInterval: { readonly lower: number; readonly upper: number };
}

/**
 * The stages where the rep's conversion is below the peers' (pooled, the rep left out) with non-overlapping 95 %
 * Wilson intervals (metrics.md "Rep comparison": funnel bottleneck), in the order of `stageOrder`.
 *
 * @example
 * funnelBottlenecks(repFunnel, peersFunnel, ['Prospecting', 'Proposal']); // [{ stage: 'Proposal', … }]
 */
export function funnelBottlenecks(
  rep: ReadonlyMap<string, StageConversion>,
  peers: ReadonlyMap<string, StageConversion>,
  stageOrder: readonly string[],
): FunnelBottleneck[] {
  const found: FunnelBottleneck[] = [];
  for (const stage of stageOrder) {
    const mine = rep.get(stage);
    const theirs = peers.get(stage);
    if (!mine || !theirs) continue;
    const interval = wilsonInterval(mine.converted, mine.reached);
    const peerInterval = wilsonInterval(theirs.converted, theirs.reached);
    if (!interval || !peerInterval || interval.upper >= peerInterval.lower) continue;
    found.push({
      stage,
      rate: mine.converted / mine.reached,
      peerRate: theirs.converted / theirs.reached,
      interval,
      peerInterval,
    });
  }
  return found;
}
