import type { Opportunity } from '../model/index.js';
import { DAYS_LEFT_BUCKETS, daysLeftBucket } from './daysLeftBucket.js';
import type { ScopeMember, ScopePartition } from './scopeMembers.js';
import { observationLists, type ObservationList } from './observationList.js';
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
 * (the next DAYS_LEFT_BUCKETS): one small plain array per stage, not two typed arrays (a typed array's own header
 * and buffer cost more than its twelve counts). A scope's and the org's rates keep these; what is kept per list for
 * every owner is one typed array (`KeyedCounts`).
 */
type Cells = Map<string, number[]>;

/** The org-wide cells of each list or window of observations (every scope's rates borrow from them). */
const orgCells = new WeakMap<object, Cells>();

/**
 * Each key's counts in one list, per partition kind (owner, territory), tallied in one pass over the list and kept
 * while the list lives: a scope's cells are then the sum of its keys' counts, so that thousands of owners (and every
 * window and horizon that looks at a past period) cost one pass over the list, not one index and tally per scope.
 */
const keyedCounts = new WeakMap<ObservationList, Map<string, KeyedCounts>>();

/**
 * A list's counts per key: key `numbers.get(key)` = n, cell c (`list.cell`), bucket b: its past deals at
 * `counts[(n × cellCount + c) × 2 DAYS_LEFT_BUCKETS + b]`, the won ones DAYS_LEFT_BUCKETS further. One typed array
 * per list and partition, not a map of cells per key: a million-deal org has thousands of owners in each list.
 */
interface KeyedCounts {
  readonly list: ObservationList;
  readonly numbers: ReadonlyMap<string, number>;
  readonly cellCount: number;
  readonly counts: Int32Array;
}

const CELL_WIDTH = 2 * DAYS_LEFT_BUCKETS;

function countsByKey(list: ObservationList, partition: ScopePartition): KeyedCounts {
  let byKind = keyedCounts.get(list);
  if (!byKind) keyedCounts.set(list, (byKind = new Map()));
  let keyed = byKind.get(partition.kind);
  if (!keyed) byKind.set(partition.kind, (keyed = tallyByKey(list, partition.key)));
  return keyed;
}

/** Counts `list`'s observations per key (`keyOf` of each observed deal, looked up once per deal; null: left out). */
function tallyByKey(list: ObservationList, keyOf: (opportunity: Opportunity) => string | null): KeyedCounts {
  let cellCount = 0;
  for (let i = 0; i < list.length; i++) if (list.cell(i) >= cellCount) cellCount = list.cell(i) + 1;
  const stride = cellCount * CELL_WIDTH;
  const numbers = new Map<string, number>();
  let counts = new Int32Array(stride * 64);
  let lastDeal = -1;
  let base = -1; // the deal's key's counts; −1: left out
  for (let i = 0; i < list.length; i++) {
    const deal = list.deal(i);
    if (deal !== lastDeal) {
      lastDeal = deal;
      const key = keyOf(list.opportunity(i));
      if (key === null) base = -1;
      else {
        let n = numbers.get(key);
        if (n === undefined) numbers.set(key, (n = numbers.size));
        base = n * stride;
        if (base + stride > counts.length) {
          const grown = new Int32Array(Math.max(2 * counts.length, base + stride));
          grown.set(counts);
          counts = grown;
        }
      }
    }
    if (base < 0) continue;
    const at = base + list.cell(i) * CELL_WIDTH + list.bucket(i);
    counts[at] = (counts[at] as number) + 1;
    if (list.won(i)) counts[at + DAYS_LEFT_BUCKETS] = (counts[at + DAYS_LEFT_BUCKETS] as number) + 1;
  }
  return { list, numbers, cellCount, counts };
}

/** Adds key `key`'s counts (none when it has no observation) into `cells`: a cell is there once a deal was seen in it. */
function addKey({ list, numbers, cellCount, counts }: KeyedCounts, key: string, cells: Cells): void {
  const n = numbers.get(key);
  if (n === undefined) return;
  for (let cell = 0; cell < cellCount; cell++) {
    const at = (n * cellCount + cell) * CELL_WIDTH;
    let seen = 0;
    for (let b = 0; b < DAYS_LEFT_BUCKETS; b++) seen += counts[at + b] as number;
    if (seen === 0) continue;
    const name = list.cellName(cell);
    let sum = cells.get(name);
    if (!sum) cells.set(name, (sum = new Array<number>(CELL_WIDTH).fill(0)));
    for (let j = 0; j < CELL_WIDTH; j++) sum[j] = (sum[j] as number) + (counts[at + j] as number);
  }
}

const EVERY_DEAL: ScopePartition = { kind: '\u001fall', key: () => '', keys: new Set(['']) };

function count(lists: readonly ObservationList[], member?: (o: Opportunity) => boolean): Cells {
  const cells: Cells = new Map();
  // The org is one partition of every deal; a member without a partition is asked deal by deal.
  const partition = member ? (member as ScopeMember).partition : EVERY_DEAL;
  for (const list of lists) {
    if (partition) {
      const keyed = countsByKey(list, partition);
      for (const key of partition.keys) addKey(keyed, key, cells);
    } else if (member) {
      for (let i = 0; i < list.length; i++) if (member(list.opportunity(i))) tallyOne(list, i, cells);
    }
  }
  return cells;
}

function tallyOne(list: ObservationList, i: number, cells: Cells): void {
  const stage = list.stage(i);
  const bucket = list.bucket(i);
  let counts = cells.get(stage);
  if (!counts) cells.set(stage, (counts = new Array<number>(2 * DAYS_LEFT_BUCKETS).fill(0)));
  counts[bucket] = (counts[bucket] as number) + 1;
  if (list.won(i)) counts[DAYS_LEFT_BUCKETS + bucket] = (counts[DAYS_LEFT_BUCKETS + bucket] as number) + 1;
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
  const lists = observationLists(observations);
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
