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
  opportunitiesById: ReadonlyMap<string, Opportunity>,
  toHistory: (table: OpportunityHistoryTable, first: number, count: number) => DealHistory,
  warnings: string[],
): IndexedHistory {
  const unique = opportunitiesById.size === opportunities.length;
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
  const rows = found.inOrder ? table : table.reordered(groupedOrder(table, found.runs, opportunities.length));
  if (rows !== table) found = dealRuns(rows, opportunities.length, dealOf);
  const histories = unique ? null : new Map<string, DealHistory>();
  const historyAt = new Array<DealHistory | undefined>(opportunities.length);
  let unknownStage = orphans > 0; // rows of unknown deals are not looked at here: the caller goes through every row
  const order = new Int32Array(found.runs.length);
  for (let r = 0; r < found.runs.length; r++) {
    const { at, start, end } = found.runs[r] as DealRun;
    order[r] = at;
    const history = toHistory(rows, start, end - start);
    if (!unknownStage && history.stages.includes(-1)) unknownStage = true;
    histories?.set((opportunities[at] as Opportunity).Id, history);
    historyAt[at] = history;
  }
  if (orphans > 0) warnings.push(`${orphans} OpportunityHistory rows belong to deals not in the data; ignored`);
  return { histories, order, historyAt: unique ? historyAt : null, unknownStage };
}

/** A run of consecutive rows of the deal at position `at` (rows `start` to `end`, exclusive). */
interface DealRun {
  readonly at: number;
  readonly start: number;
  readonly end: number;
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
): { runs: DealRun[]; orphans: number; inOrder: boolean } {
  const runs: DealRun[] = [];
  const seen = new Uint8Array(deals);
  let inOrder = true;
  let orphans = 0;
  let next = 0;
  table.forEachRun((id, start, end) => {
    const at = dealOf(id, next);
    if (at < 0) {
      orphans += end - start;
      return;
    }
    next = at + 1;
    if (seen[at] === 1) inOrder = false;
    seen[at] = 1;
    for (let i = start + 1; i < end && inOrder; i++) if (table.createdAt(i - 1) > table.createdAt(i)) inOrder = false;
    runs.push({ at, start, end });
  });
  return { runs, orphans, inOrder };
}

/**
 * The rows of each deal together, deals in order of their first rows, each deal's rows sorted by CreatedDate
 * (`Array.prototype.sort` is stable: rows with the same timestamp keep their input order).
 */
function groupedOrder(table: OpportunityHistoryTable, runs: readonly DealRun[], deals: number): number[] {
  const byDeal = new Array<number[] | undefined>(deals);
  const dealOrder: number[] = [];
  for (const { at, start, end } of runs) {
    let list = byDeal[at];
    if (list === undefined) {
      byDeal[at] = list = [];
      dealOrder.push(at);
    }
    for (let i = start; i < end; i++) list.push(i);
  }
  return dealOrder.flatMap((at) => (byDeal[at] as number[]).sort((a, b) => table.createdAt(a) - table.createdAt(b)));
}
