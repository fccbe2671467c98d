import type { Opportunity, OpportunityHistory, OpportunityStage } from '../model/index.js';
import { dayNumber } from '../calendar/index.js';
import { forecastCategoryName, type ForecastCategoryName } from './forecastCategory.js';
import { OpportunityHistoryTable } from './opportunityHistoryTable.js';

/** What a deal looked like on a given date (metrics.md "Conventions"). */
export interface DealState {
  readonly StageName: string;
  readonly Amount: number | null;
  readonly CloseDate: string;
  readonly Probability: number | null;
  readonly ForecastCategoryName: ForecastCategoryName | null;
  readonly IsClosed: boolean;
  readonly IsWon: boolean;
  /** 'history' when replayed from an OpportunityHistory row, 'record' when the current record is the state. */
  readonly from: 'history' | 'record';
}

/** A deal's history rows in change order, with the org-local date of each change. */
export interface DealHistory {
  /** The org's history rows; this deal's are rows `first` to `first + days.length − 1` of it, in change order. */
  readonly table: OpportunityHistoryTable;
  readonly first: number;
  /**
   * The CreatedDate of each of the deal's rows as a day in the org's time zone (days since 1970-01-01;
   * `isoDateOfDay` gives the date). Plain arrays of small integers, not typed arrays: a million deals each with
   * their own typed arrays would spend hundreds of megabytes on the arrays' headers alone.
   */
  readonly days: readonly number[];
  /** Index of each row's StageName in the context's `stageList`; −1 for a stage not in the list. */
  readonly stages: readonly number[];
}

/**
 * A deal's history over all rows of `rows` (already in change order), with the per-row dates, day numbers and stage
 * indexes computed once, so that replays and funnels over millions of rows neither parse dates nor hash stage names
 * again.
 *
 * @example
 * createDealHistory(rows, createLocalDateOf('America/New_York'), new Map([['Prospecting', 0]]));
 */
export function createDealHistory(
  rows: readonly OpportunityHistory[],
  localDateOf: (isoDateTime: string) => string,
  stageIndexByName: ReadonlyMap<string, number>,
): DealHistory {
  const table = OpportunityHistoryTable.of(rows);
  return dealHistoryOf(
    table,
    0,
    table.length,
    (utc) => dayNumber(localDateOf(new Date(utc).toISOString())),
    stageIndexByName,
  );
}

/**
 * The history of the deal whose rows are `count` rows of `table` from `first` (in change order), with the org-local
 * day of an instant as a number; `shareStages` (see `createStagesSharer`) gives deals with the same path through the
 * stages one `stages` array.
 */
export function dealHistoryOf(
  table: OpportunityHistoryTable,
  first: number,
  count: number,
  localDayOf: (utcMillis: number) => number,
  stageIndexByName: ReadonlyMap<string, number>,
  shareStages: ShareStages = copyStages,
): DealHistory {
  return dealHistoryReader(localDayOf, stageIndexByName, shareStages)(table, first, count);
}

/**
 * `dealHistoryOf` for the many deals of one table: each stage name of the table is looked up once, not once a row
 * (a million deals' histories are six million rows), and each row's day and stage are read from the columns.
 *
 * @example
 * const historyOf = dealHistoryReader(createLocalDayOfMillis('UTC'), stageIndexByName, createStagesSharer());
 * historyOf(table, 0, 3).stages; // [0, 1, 4]
 */
export function dealHistoryReader(
  localDayOf: (utcMillis: number) => number,
  stageIndexByName: ReadonlyMap<string, number>,
  shareStages: ShareStages = copyStages,
): (table: OpportunityHistoryTable, first: number, count: number) => DealHistory {
  let read: OpportunityHistoryTable | undefined;
  let columns = OpportunityHistoryTable.of([]).columns();
  let stageOfCode = new Int32Array(0); // the stage index of each text code of the table (−1: not a stage)
  // A deal's stages are read here and handed to `shareStages`, which copies them only for a path not seen before.
  let stages = new Int32Array(64);
  return (table, first, count) => {
    if (table !== read) {
      read = table;
      columns = table.columns();
      stageOfCode = Int32Array.from(columns.texts, (text) => (text === null ? -1 : (stageIndexByName.get(text) ?? -1)));
    }
    const { createdMillis, stageCodes } = columns;
    if (count > stages.length) stages = new Int32Array(2 * count);
    const days = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      days[i] = localDayOf(createdMillis[first + i] as number);
      stages[i] = stageOfCode[stageCodes[first + i] as number] as number;
    }
    return { table, first, days, stages: shareStages(stages, count) };
  };
}

/** A deal's history rows as records, in change order (for views of one deal and tests, not for passes over many). */
export function dealHistoryRows(history: DealHistory): OpportunityHistory[] {
  return history.days.map((_, i) => history.table.row(history.first + i));
}

/** The first `count` stage indexes of `stages` (all by default) as an array to keep, shared or not. */
export type ShareStages = (stages: ArrayLike<number>, count?: number) => readonly number[];

/** The first `count` of `stages` as a new array: no sharing. */
function copyStages(stages: ArrayLike<number>, count = stages.length): number[] {
  const copy = new Array<number>(count);
  for (let i = 0; i < count; i++) copy[i] = stages[i] as number;
  return copy;
}

/**
 * One array for each distinct list of stage indexes: deals go through the same few paths, so a million histories
 * hold a few hundred `stages` arrays, not a million, and a path seen before costs no new array. Lists are found by a
 * hash and compared; a list whose hash another holds gets its own array.
 *
 * @example
 * const share = createStagesSharer();
 * share([0, 1, 4]) === share([0, 1, 4]); // true
 */
export function createStagesSharer(): ShareStages {
  const byHash = new Map<number, readonly number[]>();
  return (stages, count = stages.length) => {
    let hash = count;
    for (let i = 0; i < count; i++) hash = Math.imul(hash ^ ((stages[i] as number) + 1), 0x01000193);
    const held = byHash.get(hash);
    if (held !== undefined && held.length === count) {
      let same = true;
      for (let i = 0; i < count && same; i++) same = held[i] === stages[i];
      if (same) return held;
    }
    const copy = copyStages(stages, count);
    if (held === undefined) byHash.set(hash, copy);
    return copy;
  };
}

export interface DealStateContext {
  /** Stages by MasterLabel, for IsClosed / IsWon / default forecast category of the current record's stage. */
  readonly stagesByName: ReadonlyMap<string, OpportunityStage>;
  /** The stages `DealHistory.stages` indexes into. */
  readonly stageList: readonly OpportunityStage[];
}

/**
 * The state of a deal as of date `asOf` (an org-local `YYYY-MM-DD`): its latest history row created on or before
 * `asOf`; null when the deal was created after `asOf`; the current record when it has no history rows. Several
 * changes on one day: the last of them counts. A deal created on or before `asOf` whose history rows all come later
 * (inconsistent data) takes its earliest row, the closest known state.
 *
 * @example
 * dealStateAsOf(opportunity, '2026-01-31', createdOn, history, context)?.StageName; // 'Negotiation/Review'
 */
export function dealStateAsOf(
  opportunity: Opportunity,
  createdOn: string,
  history: DealHistory | undefined,
  asOf: string,
  context: DealStateContext,
  /** `dayNumber(asOf)`, when the caller replays many deals to one date. */
  asOfDay: number = dayNumber(asOf),
): DealState | null {
  if (createdOn > asOf) return null;
  if (!history || history.days.length === 0) return recordState(opportunity, context);
  let i = history.days.length - 1;
  while (i > 0 && (history.days[i] as number) > asOfDay) i--;
  return historyState(opportunity, history.table, history.first + i, context.stageList[history.stages[i] as number]);
}

function recordState(o: Opportunity, context: DealStateContext): DealState {
  const stage = context.stagesByName.get(o.StageName);
  return {
    StageName: o.StageName,
    Amount: o.Amount,
    CloseDate: o.CloseDate,
    Probability: o.Probability,
    ForecastCategoryName: forecastCategoryName(o.ForecastCategoryName ?? stage?.ForecastCategoryName),
    IsClosed: o.IsClosed,
    IsWon: o.IsWon,
    from: 'record',
  };
}

function historyState(
  o: Opportunity,
  table: OpportunityHistoryTable,
  row: number,
  stage: OpportunityStage | undefined,
): DealState {
  // A stage missing from the stage list (renamed or deleted since): trust the record when it is in that stage.
  const stageName = table.stageName(row);
  const sameAsRecord = stageName === o.StageName;
  return {
    StageName: stageName,
    Amount: table.amount(row),
    CloseDate: table.closeDate(row) ?? o.CloseDate,
    Probability: table.probability(row),
    ForecastCategoryName: forecastCategoryName(table.forecastCategory(row) ?? stage?.ForecastCategoryName),
    IsClosed: stage ? stage.IsClosed : sameAsRecord && o.IsClosed,
    IsWon: stage ? stage.IsWon : sameAsRecord && o.IsWon,
    from: 'history',
  };
}
