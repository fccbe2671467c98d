import type { OpportunityStage } from '../model/index.js';
import type { DealHistory, DealRecord } from '../snapshot/index.js';

/** What the readers look at of a deal (a `DealRecord`, a `DealFact`, …). */
export type DealRowSource = Pick<DealRecord, 'opportunity' | 'history'>;

/**
 * The history row a deal's state as of day `asOfDay` is read from, the one `dealStateAsOf` replays: the latest row
 * created on or before that day (the earliest when all come later); −1 when the deal has no history rows and its
 * record is its state. Passes over millions of deals read what they test off that row with the `dealRow…` readers
 * below, and build a `DealState` only for the deals they keep. Whether the deal existed yet is the caller's test.
 *
 * @example
 * const row = dealRowAsOf(deal.history, dayNumber('2026-03-31'));
 * dealRowIsClosed(deal, row, snapshot.stageOrder); // as dealStateAsOf(…, '2026-03-31', …).IsClosed
 */
export function dealRowAsOf(history: DealHistory | undefined, asOfDay: number): number {
  if (!history || history.days.length === 0) return -1;
  let i = history.days.length - 1;
  while (i > 0 && (history.days[i] as number) > asOfDay) i--;
  return i;
}

/** The stage name of the deal's history row `row`. */
function rowStageName(history: DealHistory | undefined, row: number): string {
  const { table, first } = history as DealHistory;
  return table.stageName(first + row);
}

/** The stage of a row's state (`DealState.StageName`). */
export function dealRowStageName({ opportunity, history }: DealRowSource, row: number): string {
  return row < 0 ? opportunity.StageName : rowStageName(history, row);
}

/** The close date of a row's state (`DealState.CloseDate`). */
export function dealRowCloseDate({ opportunity, history }: DealRowSource, row: number): string {
  if (row < 0) return opportunity.CloseDate;
  const { table, first } = history as DealHistory;
  return table.closeDate(first + row) ?? opportunity.CloseDate;
}

/**
 * The close day of a row's state as the history row gives it (`OpportunityHistoryTable.closeDay`); null when the
 * state's close date is the record's (no row, or a row without one).
 */
export function dealRowOwnCloseDay({ history }: DealRowSource, row: number): number | null {
  if (row < 0) return null;
  const { table, first } = history as DealHistory;
  return table.closeDay(first + row);
}

/** The amount of a row's state (`DealState.Amount`, in the deal's currency). */
export function dealRowAmount({ opportunity, history }: DealRowSource, row: number): number | null {
  if (row < 0) return opportunity.Amount;
  const { table, first } = history as DealHistory;
  return table.amount(first + row);
}

/** The probability of a row's state (`DealState.Probability`). */
export function dealRowProbability({ opportunity, history }: DealRowSource, row: number): number | null {
  if (row < 0) return opportunity.Probability;
  const { table, first } = history as DealHistory;
  return table.probability(first + row);
}

/**
 * Whether a row's state is closed (`DealState.IsClosed`); `stageList` is the list `DealHistory.stages` indexes
 * into. A stage missing from it is closed only when the record is in it and closed.
 */
export function dealRowIsClosed(deal: DealRowSource, row: number, stageList: readonly OpportunityStage[]): boolean {
  return rowFlag(deal, row, stageList, 'IsClosed');
}

/** Whether a row's state is won (`DealState.IsWon`), as {@link dealRowIsClosed}. */
export function dealRowIsWon(deal: DealRowSource, row: number, stageList: readonly OpportunityStage[]): boolean {
  return rowFlag(deal, row, stageList, 'IsWon');
}

function rowFlag(
  { opportunity, history }: DealRowSource,
  row: number,
  stageList: readonly OpportunityStage[],
  flag: 'IsClosed' | 'IsWon',
): boolean {
  if (row < 0) return opportunity[flag];
  const stage = stageList[(history as DealHistory).stages[row] as number];
  return stage ? stage[flag] : rowStageName(history, row) === opportunity.StageName && opportunity[flag];
}
