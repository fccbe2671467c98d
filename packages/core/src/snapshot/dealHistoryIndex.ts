import type { Opportunity } from '../model/index.js';
import type { DealHistory } from './dealState.js';
import type { OpportunityHistoryTable } from './opportunityHistoryTable.js';

/** Each known deal's OpportunityHistory rows as one run, found once when a snapshot is built. */
export interface IndexedHistory {
  /**
   * Each deal's history by Id, only when two opportunities share an Id (else null: `historyAt` says it all, and a
   * million-entry map is not built for nothing).
   */
  readonly histories: Map<string, DealHistory> | null;
  /** Positions of the deals with history, in order of their first rows (the order `histories` keeps). */
  readonly order: Int32Array;
  /** The history of each of the opportunities by position; null when two opportunities share an Id. */
  readonly historyAt: ReadonlyArray<DealHistory | undefined> | null;
  /** Whether a row (of a known deal or not) is in a stage not in the stage list. */
  readonly unknownStage: boolean;
}

/** Each known deal's history, in order of the deals' first rows. */
export function indexHistory(
  table: OpportunityHistoryTable,
  opportunities: readonly Opportunity[],
  /** Whether no two opportunities share an Id. */
  unique: boolean,
  toHistory: (table: OpportunityHistoryTable, first: number, count: number) => DealHistory,
  warnings: string[],
): IndexedHistory {
  let positions: Map<string, number> | undefined;
  const dealOf = (id: string, next: number): number => {
    // History exports follow the Opportunity export's order: the deal after the previous run's, without a lookup.
    if (unique && (opportunities[next] as Opportunity | undefined)?.Id === id) return next;
    positions ??= new Map(opportunities.map((o, i) => [o.Id, i])); // the last of a shared Id, as the Map keeps
    return positions.get(id) ?? -1;
  };
  let found = dealRuns(table, opportunities.length, dealOf);
  const orphans = found.orphans;
  // Otherwise a copy of the rows grouped by deal and sorted, in which each history is one run of rows.
  const rows = found.inOrder ? table : table.reordered(groupedOrder(table, found, opportunities.length));
  if (rows !== table) found = dealRuns(rows, opportunities.length, dealOf);
  const histories = unique ? null : new Map<string, DealHistory>();
  const historyAt = new Array<DealHistory | undefined>(opportunities.length);
  let unknownStage = orphans > 0; // rows of unknown deals are not looked at here: the caller goes through every row
  const { count, at, starts, ends } = found;
  for (let r = 0; r < count; r++) {
    const deal = at[r] as number;
    const start = starts[r] as number;
    const history = toHistory(rows, start, (ends[r] as number) - start);
    if (!unknownStage && history.stages.includes(-1)) unknownStage = true;
    histories?.set((opportunities[deal] as Opportunity).Id, history);
    historyAt[deal] = history;
  }
  if (orphans > 0) warnings.push(`${orphans} OpportunityHistory rows belong to deals not in the data; ignored`);
  return { histories, order: at.subarray(0, count), historyAt: unique ? historyAt : null, unknownStage };
}

/**
 * Runs of consecutive rows of known deals: run r is rows `starts[r]` to `ends[r]` (exclusive) of the deal at position
 * `at[r]`, for r below `count` (columns, not a million run objects).
 */
interface DealRuns {
  readonly count: number;
  readonly at: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/**
 * The table's runs of rows of known deals (`dealOf` gives a run's deal position, −1 for an unknown deal, given the
 * position after the previous run's), the rows of unknown deals, and whether each deal's rows are one run sorted by
 * CreatedDate.
 */
function dealRuns(
  table: OpportunityHistoryTable,
  deals: number,
  dealOf: (id: string, next: number) => number,
): DealRuns & { orphans: number; inOrder: boolean } {
  const runs = table.runCount;
  const at = new Int32Array(runs);
  const starts = new Int32Array(runs);
  const ends = new Int32Array(runs);
  let count = 0;
  const seen = new Uint8Array(deals);
  let inOrder = true;
  let orphans = 0;
  let next = 0;
  table.forEachRun((id, start, end) => {
    const deal = dealOf(id, next);
    if (deal < 0) {
      orphans += end - start;
      return;
    }
    next = deal + 1;
    if (seen[deal] === 1) inOrder = false;
    seen[deal] = 1;
    for (let i = start + 1; i < end && inOrder; i++) if (table.createdAt(i - 1) > table.createdAt(i)) inOrder = false;
    at[count] = deal;
    starts[count] = start;
    ends[count++] = end;
  });
  return { count, at, starts, ends, orphans, inOrder };
}

/**
 * The rows of each deal together, deals in order of their first rows, each deal's rows sorted by CreatedDate
 * (`Array.prototype.sort` is stable: rows with the same timestamp keep their input order).
 */
function groupedOrder(table: OpportunityHistoryTable, runs: DealRuns, deals: number): number[] {
  const byDeal = new Array<number[] | undefined>(deals);
  const dealOrder: number[] = [];
  for (let r = 0; r < runs.count; r++) {
    const deal = runs.at[r] as number;
    let list = byDeal[deal];
    if (list === undefined) {
      byDeal[deal] = list = [];
      dealOrder.push(deal);
    }
    for (let i = runs.starts[r] as number; i < (runs.ends[r] as number); i++) list.push(i);
  }
  return dealOrder.flatMap((deal) =>
    (byDeal[deal] as number[]).sort((a, b) => table.createdAt(a) - table.createdAt(b)),
  );
}
