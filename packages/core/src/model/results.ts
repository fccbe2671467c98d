import * as z from 'zod/mini';
import { field, KEY_FIELD, type SalesforceFieldType } from './field.js';
import { FunnelRecord, RetentionRecord } from './revopsResults.js';

/**
 * The result records writeback stores as the package's custom objects (salesforce-objects.md "Write").
 * These schemas are the one source for the writers' field lists and for the `force-app/` field metadata.
 * Ratios (attainment, win rates, coverage, APE) are stored as fractions in Number(12,6): 1.054321 is 105.4321%.
 */

const money: SalesforceFieldType = { type: 'Currency', precision: 16, scale: 2 };
/** Six decimals, so a ratio shown to one decimal of a percent rounds once, the same as the CLI's unrounded figure. */
const ratio: SalesforceFieldType = { type: 'Number', precision: 12, scale: 6 };
/** A percentile (0–100) to four decimals: shown as an integer, it rounds as the CLI's unrounded one does. */
const percentile: SalesforceFieldType = { type: 'Number', precision: 7, scale: 4 };
const count: SalesforceFieldType = { type: 'Number', precision: 9, scale: 0 };
/** A median of whole numbers (days, sort orders): a whole number or a half. */
const days: SalesforceFieldType = { type: 'Number', precision: 10, scale: 1 };
const text = (length: number): SalesforceFieldType => ({ type: 'Text', length });

const commonFields = {
  Key__c: field
    .text('Deterministic external ID, e.g. scorecard|FY2026-Q4|005…; upserts match on it', KEY_FIELD)
    .required(),
  Run_Id__c: field.text('Id of the run that wrote the record', text(64)).required(),
};

const periodFields = {
  Period_Label__c: field.text('Fiscal period label, e.g. FY2026-Q4', text(40)).required(),
  Period_Start__c: field.date('First day of the period').required(),
  Period_End__c: field.date('Last day of the period').required(),
  As_Of__c: field.date('Date the figures were computed as of').required(),
};

/** The currency of a record's money fields (the org's corporate currency when the CLI wrote it). */
const currencyField = {
  Currency__c: field.text('ISO code of the money fields, e.g. USD (the corporate currency)', text(3)).nullable(),
};

const scopeFields = {
  Scope_Type__c: field.text('Rep, Team, Territory or Org', text(20)).required(),
  Scope_Id__c: field
    .text('Id of the rep, role, territory or org (or the Account field value of a territory)', text(255))
    .required(),
  Scope_Name__c: field.text('Name of the scope', text(255)).nullable(),
  Rep__c: field.reference('The rep, when the scope is a rep', 'User').nullable(),
  Method__c: field.text('Forecast method, e.g. commit, monteCarlo', text(40)).required(),
};

export const RepScorecardRecord = z.object({
  ...commonFields,
  ...periodFields,
  ...currencyField,
  Rep__c: field.reference('The rep', 'User').required(),
  Quota__c: field.number('Quota for the period (null when the rep has none)', money).nullable(),
  Closed_Won__c: field.number('Closed won amount', money).required(),
  Attainment__c: field.number('Closed won / quota', ratio).nullable(),
  Win_Rate__c: field.number('Won / (won + lost) by count', ratio).nullable(),
  Win_Rate_Value__c: field.number('Won / closed by amount', ratio).nullable(),
  Avg_Deal_Size__c: field.number('Mean amount of won deals', money).nullable(),
  Median_Cycle_Days__c: field
    .number('Median days from creation to close of won deals', {
      type: 'Number',
      precision: 9,
      scale: 1,
    })
    .nullable(),
  Open_Pipeline__c: field.number('Open pipeline closing in the period', money).required(),
  Coverage__c: field.number('Open pipeline / remaining quota', ratio).nullable(),
  Required_Coverage__c: field.number('Coverage needed at the prior win rate by value: 1 / win rate', ratio).nullable(),
  Pace__c: field.number('Attainment / share of the period elapsed (1 = on track)', ratio).nullable(),
  Pipeline_Created__c: field.number('Pipeline created in the period', money).required(),
  Rank__c: field.number('Rank by attainment within the peer group (1 = best)', count).nullable(),
  Percentile__c: field.number('Percentile by attainment within the peer group', percentile).nullable(),
  Peer_Group__c: field.text('Peer group the rank is computed in', text(255)).nullable(),
  Peer_Group_Key__c: field.text('Id of the peer group (role, territory, tenure band …)', text(255)).nullable(),
  Leaderboard_Position__c: field
    .number("The rep's row on the peer group's stored leaderboard (SalesOps_Leaderboard__c Position__c)", count)
    .nullable(),
  Flags__c: field
    .text('Flags, one per line (top, bottom, funnel bottlenecks)', {
      type: 'LongTextArea',
      length: 32768,
    })
    .nullable(),
});
export type RepScorecardRecord = z.infer<typeof RepScorecardRecord>;

export const ForecastRecord = z.object({
  ...commonFields,
  ...periodFields,
  ...currencyField,
  ...scopeFields,
  Quota__c: field.number('Quota of the scope', money).nullable(),
  Closed_Won__c: field.number('Closed won so far', money).required(),
  Forecast__c: field.number("The method's point forecast (P50 for monteCarlo)", money).nullable(),
  Commit__c: field.number('Commit roll-up', money).nullable(),
  Best_Case__c: field.number('Best case roll-up', money).nullable(),
  Pipeline__c: field.number('Pipeline roll-up', money).nullable(),
  Weighted__c: field.number('Probability-weighted forecast', money).nullable(),
  P10__c: field.number('10th percentile', money).nullable(),
  P50__c: field.number('Median', money).nullable(),
  P90__c: field.number('90th percentile', money).nullable(),
  Open_Pipeline__c: field
    .number('Open pipeline closing in the period (rep, team, org; null for territories)', money)
    .nullable(),
  Required_Coverage__c: field
    .number('Coverage needed at the prior win rate by value: 1 / win rate (rep, team, org)', ratio)
    .nullable(),
  Pace__c: field.number('Attainment / share of the period elapsed (1 = on track; rep, team, org)', ratio).nullable(),
});
export type ForecastRecord = z.infer<typeof ForecastRecord>;

export const ForecastAccuracyRecord = z.object({
  ...commonFields,
  ...periodFields,
  ...scopeFields,
  Horizon_Days__c: field.number('Days into the period the forecast was made', count).required(),
  Forecast__c: field.number('Forecast made at the horizon', money).nullable(),
  Actual__c: field.number('Actual closed won of the period', money).required(),
  Error__c: field.number('Actual − forecast', money).nullable(),
  APE__c: field.number('|error| / actual (null when actual is 0)', ratio).nullable(),
  In_Interval__c: field.boolean('True when the actual lies in [P10, P90]').nullable(),
});
export type ForecastAccuracyRecord = z.infer<typeof ForecastAccuracyRecord>;

export const TerritoryCoverageRecord = z.object({
  ...commonFields,
  ...periodFields,
  ...currencyField,
  Territory_Id__c: field
    .text('Territory2 Id (or the account-field value without territory management)', text(255))
    .required(),
  Territory_Name__c: field.text('Territory name', text(255)).nullable(),
  Territory_Source__c: field
    .text('Where territories come from: Territory2, or Account.<field> without territory management', text(80))
    .nullable(),
  Accounts__c: field.number('Accounts in the territory', count).required(),
  Covered_Accounts__c: field.number('Accounts with an open deal or recent activity', count).required(),
  Whitespace_Accounts__c: field.number('Accounts − covered accounts', count).required(),
  Reps__c: field.number('Active reps in the territory', count).required(),
  Quota__c: field.number('Territory quota', money).nullable(),
  Closed_Won__c: field.number('Closed won attributed to the territory', money).required(),
  Open_Pipeline__c: field.number('Open pipeline attributed to the territory', money).required(),
  Coverage__c: field.number('Open pipeline / remaining quota', ratio).nullable(),
  Potential__c: field.number('Σ annual revenue of the accounts', money).required(),
});
export type TerritoryCoverageRecord = z.infer<typeof TerritoryCoverageRecord>;

/**
 * One row of a peer group's leaderboard: readable by every internal user (a sharing rule), so the rep's name and Id
 * are stored only when the admin allows names (`reps compare --write --leaderboard-names`); otherwise a rep finds
 * their own row through their scorecard's Leaderboard_Position__c.
 */
export const LeaderboardRecord = z.object({
  ...commonFields,
  ...periodFields,
  ...currencyField,
  Peer_Group_Key__c: field.text('Id of the peer group (role, territory, tenure band …)', text(255)).required(),
  Peer_Group__c: field.text('Name of the peer group', text(255)).nullable(),
  Position__c: field.number('Row of the leaderboard, 1 = first', count).required(),
  Rank__c: field.number('Rank by attainment within the peer group (1 = best)', count).nullable(),
  Rep__c: field.reference('The rep, when the admin allows names', 'User').nullable(),
  Rep_Name__c: field.text('Name of the rep, when the admin allows names', text(121)).nullable(),
  Attainment__c: field.number('Closed won / quota', ratio).nullable(),
  Percentile__c: field.number('Percentile by attainment within the peer group', percentile).nullable(),
  Win_Rate_Shrunk__c: field.number('Win rate by count shrunk toward the peer group', ratio).nullable(),
  Closed_Won__c: field.number('Closed won amount', money).required(),
});
export type LeaderboardRecord = z.infer<typeof LeaderboardRecord>;

/**
 * One stage's org-wide benchmark for one period and as-of date (what deal health weighs a deal against), readable by
 * every internal user (a sharing rule). Each row also carries the org-wide figures a deal's hygiene needs.
 */
export const StageBenchmarkRecord = z.object({
  ...commonFields,
  ...periodFields,
  ...currencyField,
  Stage__c: field.text('The stage (OpportunityStage MasterLabel)', text(255)).required(),
  Sort_Order__c: field.number('Position of the stage in the sales process', count).nullable(),
  Default_Probability__c: field.number('Default probability of the stage in percent', percentile).nullable(),
  Forecast_Category__c: field.text('Default forecast category of the stage', text(40)).nullable(),
  Is_Closed__c: field.boolean('True for a closed stage').required(),
  Is_Won__c: field.boolean('True for a won stage').required(),
  Typical_Days__c: field.number('Median days won deals spent in the stage', days).nullable(),
  Closed_Deals__c: field.number('Closed deals whose history reached the stage', count).required(),
  Won_Deals__c: field.number('Of those, the won deals', count).required(),
  Win_Chance__c: field.number('Won deals / closed deals that reached the stage', ratio).nullable(),
  Median_Winning_Stage_Order__c: field
    .number('Org-wide: median sort order of the stage deals were won from', days)
    .nullable(),
  Time_Zone__c: field.text("Org-wide: the org's time zone, in which history dates are days", text(40)).required(),
  Multi_Currency__c: field.boolean('Org-wide: true when deals carry their own currency').required(),
});
export type StageBenchmarkRecord = z.infer<typeof StageBenchmarkRecord>;

export const RunRecord = z.object({
  Key__c: commonFields.Key__c,
  Command__c: field.text('The command, e.g. salesops forecast', text(255)).required(),
  Arguments__c: field.text('The flags of the run (no secrets)', { type: 'LongTextArea', length: 32768 }).nullable(),
  Started__c: field.datetime('When the run started').required(),
  Finished__c: field.datetime('When the run finished').nullable(),
  Records_Written__c: field.number('Records upserted', count).required(),
  Records_Failed__c: field.number('Records that failed', count).required(),
  Status__c: field.text('Succeeded, PartiallyFailed or Failed', text(20)).required(),
});
export type RunRecord = z.infer<typeof RunRecord>;

/** Every custom object writeback stores, by API name. */
export const resultSchemas = {
  SalesOps_Rep_Scorecard__c: RepScorecardRecord,
  SalesOps_Forecast__c: ForecastRecord,
  SalesOps_Forecast_Accuracy__c: ForecastAccuracyRecord,
  SalesOps_Territory_Coverage__c: TerritoryCoverageRecord,
  SalesOps_Funnel__c: FunnelRecord,
  SalesOps_Retention__c: RetentionRecord,
  SalesOps_Leaderboard__c: LeaderboardRecord,
  SalesOps_Stage_Benchmark__c: StageBenchmarkRecord,
  SalesOps_Run__c: RunRecord,
} as const;
export type ResultObjectName = keyof typeof resultSchemas;
