import type { Opportunity } from '../model/index.js';
import { DAYS_LEFT_BUCKETS, daysLeftBucket } from './daysLeftBucket.js';
import { scopeMembers, type ScopeMember } from './scopeMembers.js';
import type { StageObservation, StageObservations } from './stageObservations.js';

/** Cells with fewer past deals than this borrow the missing ones from the org-wide estimate. */
export const MIN_CELL_COUNT = 10;

/** A learnt win probability with where it came from. */
export interface StageProbability {
  readonly probability: number;
  /** Past deals in the scope's own cell, and how many of them were won. */
  readonly deals: number;
  readonly won: number;
  /** 'scope': enough deals of its own; 'borrowed': shrunk towards the org-wide estimate. */
  readonly source: 'scope' | 'borrowed';
}

/** Win probabilities by stage and days left, learnt from past periods. */
export interface StageWinRates {
  /**
   * P(won inside the period | open in `stage` with `daysLeft` days left). `fallback` (e.g. the stage's default
   * probability / 100) is what the org-wide estimate of a stage never seen in the past periods borrows from.
   */
  probability(stage: string, daysLeft: number, fallback: number): StageProbability;
}

/**
 * Per stage, the past deals of each days-left bucket (indexes 0 … DAYS_LEFT_BUCKETS − 1) and the won ones among them
 * (the next DAYS_LEFT_BUCKETS): one small plain array per stage, not two typed arrays. A million-deal org keeps
 * cells for each of its thousands of owners and each past period, where a typed array's own header and buffer
 * cost more than its six counts.
 */
type Cells = Map<string, number[]>;

/** The org-wide cells of each list or window of observations (every scope's rates borrow from them). */
const orgCells = new WeakMap<object, Cells>();

/**
 * A scope's cells in one list, kept per list and scope (keyed by the scope's partition key set, which
 * `scopeMembership` keeps per scope) when the scope has a partition: every window and horizon that looks at a past
 * period then counts it once per scope.
 */
const scopeCells = new WeakMap<readonly StageObservation[], WeakMap<ReadonlySet<string>, Cells>>();

function count(lists: readonly (readonly StageObservation[])[], member?: (o: Opportunity) => boolean): Cells {
  const cells: Cells = new Map();
  const keys = (member as ScopeMember | undefined)?.partition?.keys;
  for (const list of lists) {
    if (!member || !keys) {
      tally(
        scopeMembers(list, (o) => o.opportunity, member),
        cells,
      );
      continue;
    }
    let byScope = scopeCells.get(list);
    if (!byScope) scopeCells.set(list, (byScope = new WeakMap()));
    let own = byScope.get(keys);
    if (!own) {
      own = new Map();
      tally(
        scopeMembers(list, (o) => o.opportunity, member),
        own,
      );
      byScope.set(keys, own);
    }
    add(own, cells);
  }
  return cells;
}

function add(from: Cells, into: Cells): void {
  for (const [stage, counts] of from) {
    const sum = into.get(stage);
    if (!sum) {
      into.set(stage, counts.slice());
      continue;
    }
    for (let i = 0; i < counts.length; i++) sum[i] = (sum[i] as number) + (counts[i] as number);
  }
}

function tally(observations: readonly StageObservation[], cells: Cells): void {
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as StageObservation;
    let counts = cells.get(o.stage);
    if (!counts) cells.set(o.stage, (counts = new Array<number>(2 * DAYS_LEFT_BUCKETS).fill(0)));
    counts[o.bucket] = (counts[o.bucket] as number) + 1;
    if (o.won) counts[DAYS_LEFT_BUCKETS + o.bucket] = (counts[DAYS_LEFT_BUCKETS + o.bucket] as number) + 1;
  }
}

/**
 * A share of `won` in `deals` that borrows `k − deals` pseudo-deals at probability `prior` when there are fewer
 * than `k` deals: (won + (k − deals) × prior) / k. With no deals it is the prior; with k or more, won / deals.
 *
 * @example
 * borrowedShare(3, 4, 0.5, 10); // (3 + 6 × 0.5) / 10 = 0.6
 */
export function borrowedShare(won: number, deals: number, prior: number, k: number): number {
  if (deals >= k) return won / deals;
  return (won + (k - deals) * prior) / k;
}

/**
 * Learns win probabilities by stage × days-left bucket from past deals (see `stageObservations`), for a scope
 * (`member`) or the org (no `member`). A cell with fewer than `minCount` (default 10) past deals borrows from the
 * org-wide estimate ({@link borrowedShare}); the org-wide estimate of a sparse cell borrows in turn from the org's
 * stage rate over all buckets, and that from `fallback`.
 *
 * @example
 * const rates = stageWinRates(observations, (o) => o.OwnerId === repId);
 * rates.probability('Negotiation/Review', 12, 0.9).probability;
 */
export function stageWinRates(
  observations: readonly StageObservation[] | StageObservations,
  member?: (opportunity: Opportunity) => boolean,
  minCount: number = MIN_CELL_COUNT,
): StageWinRates {
  // A window's periods are counted list by list: each period's list (and its scope index) is shared by the windows.
  const lists = 'byPeriod' in observations ? observations.byPeriod : [observations];
  let org = orgCells.get(observations);
  if (!org) orgCells.set(observations, (org = count(lists)));
  const own = member ? count(lists, member) : org;
  const k = Math.max(0, minCount);
  return {
    probability(stage, daysLeft, fallback) {
      const bucket = daysLeftBucket(Math.max(0, daysLeft));
      const orgCounts = org.get(stage);
      let stageDeals = 0;
      let stageWon = 0;
      if (orgCounts) {
        for (let b = 0; b < DAYS_LEFT_BUCKETS; b++) {
          stageDeals += orgCounts[b] as number;
          stageWon += orgCounts[DAYS_LEFT_BUCKETS + b] as number;
        }
      }
      const orgStage = borrowedShare(stageWon, stageDeals, fallback, k);
      const orgCell = borrowedShare(
        orgCounts?.[DAYS_LEFT_BUCKETS + bucket] ?? 0,
        orgCounts?.[bucket] ?? 0,
        orgStage,
        k,
      );
      const ownCounts = own.get(stage);
      const deals = ownCounts?.[bucket] ?? 0;
      const won = ownCounts?.[DAYS_LEFT_BUCKETS + bucket] ?? 0;
      const probability = member ? borrowedShare(won, deals, orgCell, k) : orgCell;
      return { probability, deals, won, source: deals >= k ? 'scope' : 'borrowed' };
    },
  };
}
