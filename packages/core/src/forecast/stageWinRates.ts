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

interface Cells {
  readonly deals: Map<string, Int32Array>;
  readonly won: Map<string, Int32Array>;
}

/** The org-wide cells of each list or window of observations (every scope's rates borrow from them). */
const orgCells = new WeakMap<object, Cells>();

/**
 * A scope's cells in one list, kept per list and scope (keyed by the scope's partition key set, which
 * `scopeMembership` keeps per scope) when the scope has a partition: every window and horizon that looks at a past
 * period then counts it once per scope.
 */
const scopeCells = new WeakMap<readonly StageObservation[], WeakMap<ReadonlySet<string>, Cells>>();

function count(lists: readonly (readonly StageObservation[])[], member?: (o: Opportunity) => boolean): Cells {
  const deals = new Map<string, Int32Array>();
  const won = new Map<string, Int32Array>();
  const keys = (member as ScopeMember | undefined)?.partition?.keys;
  for (const list of lists) {
    if (!member || !keys) {
      tally(
        scopeMembers(list, (o) => o.opportunity, member),
        deals,
        won,
      );
      continue;
    }
    let byScope = scopeCells.get(list);
    if (!byScope) scopeCells.set(list, (byScope = new WeakMap()));
    let cells = byScope.get(keys);
    if (!cells) {
      cells = { deals: new Map(), won: new Map() };
      tally(
        scopeMembers(list, (o) => o.opportunity, member),
        cells.deals,
        cells.won,
      );
      byScope.set(keys, cells);
    }
    add(cells, deals, won);
  }
  return { deals, won };
}

function add(cells: Cells, deals: Map<string, Int32Array>, won: Map<string, Int32Array>): void {
  for (const [stage, d] of cells.deals) {
    const w = cells.won.get(stage) as Int32Array;
    const sumD = deals.get(stage);
    const sumW = won.get(stage);
    if (!sumD || !sumW) {
      deals.set(stage, Int32Array.from(d));
      won.set(stage, Int32Array.from(w));
      continue;
    }
    for (let b = 0; b < DAYS_LEFT_BUCKETS; b++) {
      sumD[b] = (sumD[b] as number) + (d[b] as number);
      sumW[b] = (sumW[b] as number) + (w[b] as number);
    }
  }
}

function tally(
  observations: readonly StageObservation[],
  deals: Map<string, Int32Array>,
  won: Map<string, Int32Array>,
): void {
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as StageObservation;
    let d = deals.get(o.stage);
    let w = won.get(o.stage);
    if (!d || !w) {
      deals.set(o.stage, (d = new Int32Array(DAYS_LEFT_BUCKETS)));
      won.set(o.stage, (w = new Int32Array(DAYS_LEFT_BUCKETS)));
    }
    d[o.bucket] = (d[o.bucket] as number) + 1;
    if (o.won) w[o.bucket] = (w[o.bucket] as number) + 1;
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
      const orgDeals = org.deals.get(stage);
      const orgWon = org.won.get(stage);
      let stageDeals = 0;
      let stageWon = 0;
      if (orgDeals && orgWon) {
        for (let b = 0; b < DAYS_LEFT_BUCKETS; b++) {
          stageDeals += orgDeals[b] as number;
          stageWon += orgWon[b] as number;
        }
      }
      const orgStage = borrowedShare(stageWon, stageDeals, fallback, k);
      const orgCell = borrowedShare(orgWon?.[bucket] ?? 0, orgDeals?.[bucket] ?? 0, orgStage, k);
      const deals = own.deals.get(stage)?.[bucket] ?? 0;
      const won = own.won.get(stage)?.[bucket] ?? 0;
      const probability = member ? borrowedShare(won, deals, orgCell, k) : orgCell;
      return { probability, deals, won, source: deals >= k ? 'scope' : 'borrowed' };
    },
  };
}
