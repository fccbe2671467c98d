/** What every stored result is of: its run, period and as-of date. */
interface RunOf {
  readonly period: { readonly label: string; readonly start: string; readonly end: string };
  readonly asOf: string;
}

/**
 * The fields every stored record of one run shares: the run, the period and the as-of date.
 *
 * @example
 * runFields(report, runId); // { Run_Id__c, Period_Label__c, Period_Start__c, Period_End__c, As_Of__c }
 */
export function runFields(report: RunOf, runId: string) {
  return {
    Run_Id__c: runId,
    Period_Label__c: report.period.label,
    Period_Start__c: report.period.start,
    Period_End__c: report.period.end,
    As_Of__c: report.asOf,
  };
}
