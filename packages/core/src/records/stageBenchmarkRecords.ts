import type { StageBenchmarks } from '../hygiene/index.js';
import { StageBenchmarkRecord } from '../model/index.js';
import { resultKey } from './resultKey.js';
import { roundTo } from './roundTo.js';
import { runFields } from './runFields.js';

/** The stage benchmarks of one run and the org-wide facts a deal's replay needs beside them. */
export interface StageBenchmarkRun {
  readonly period: { readonly label: string; readonly start: string; readonly end: string };
  readonly asOf: string;
  /** The corporate currency. */
  readonly currency: string;
  readonly timeZone: string;
  readonly multiCurrency: boolean;
  readonly benchmarks: StageBenchmarks;
}

/**
 * One `SalesOps_Stage_Benchmark__c` record per stage (key `stage-benchmark|<period>|<stage>`: a rerun for the period
 * updates the rows, never duplicates them).
 *
 * @example
 * stageBenchmarkRecords({ period, asOf, currency: 'USD', timeZone, multiCurrency: false, benchmarks }, { runId });
 */
export function stageBenchmarkRecords(run: StageBenchmarkRun, { runId }: { runId: string }): StageBenchmarkRecord[] {
  return run.benchmarks.stages.map((s) =>
    StageBenchmarkRecord.parse({
      Key__c: resultKey('stage-benchmark', run.period.label, s.stage),
      ...runFields(run, runId),
      Currency__c: run.currency,
      Stage__c: s.stage,
      Sort_Order__c: s.sortOrder,
      Default_Probability__c: s.defaultProbability,
      Forecast_Category__c: s.forecastCategory,
      Is_Closed__c: s.isClosed,
      Is_Won__c: s.isWon,
      Typical_Days__c: s.typicalDaysInStage,
      Closed_Deals__c: s.closedDeals,
      Won_Deals__c: s.wonDeals,
      Win_Chance__c: roundTo(s.winChance, 6),
      Median_Winning_Stage_Order__c: run.benchmarks.medianWinningStageOrder,
      Time_Zone__c: run.timeZone,
      Multi_Currency__c: run.multiCurrency,
    }),
  );
}
