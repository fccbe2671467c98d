import type { SalesopsClient, StoredRecord } from '../data/client.js';
import {
  PERIOD_FIELDS,
  PERIOD_ORDER,
  periodWhere,
  samePeriodWhere,
  storedNumber,
  storedPeriodOf,
  storedText,
  type StoredPeriod,
} from '../data/storedPeriod.js';

/** The figures of an attainment card, as the CLI stored them (null: not stored for this scope). */
export interface AttainmentFigures {
  readonly quota: number | null;
  readonly closedWon: number;
  readonly attainment: number | null;
  readonly pace: number | null;
  readonly openPipeline: number | null;
  readonly remainingQuota: number | null;
  readonly requiredCoverage: number | null;
}

/** Whose figures an attainment card shows: the rep's own, a manager's team's, or the whole org's (the VP). */
export interface AttainmentScope {
  readonly type: 'rep' | 'team' | 'org';
  /** The team's name (`Manager (Role)`), else null. */
  readonly name: string | null;
  readonly performance: AttainmentFigures;
  readonly commit: number | null;
  readonly bestCase: number | null;
  /** The rep's stored rank in their peer group (reps only). */
  readonly rank: number | null;
  /** The run that stores the missing pace and pipeline figures of a team's or the org's older record, else null. */
  readonly paceCommand: string | null;
}

/** A stored scope and its period, or the command that writes the missing results. */
export type StoredScope =
  | { readonly scope: AttainmentScope; readonly period: StoredPeriod }
  | { readonly scope: null; readonly command: string };

const REP_COMMAND = 'sf salesops reps compare --write';
const ORG_COMMAND = 'sf salesops forecast --group-by org --write';
const TEAM_COMMAND = 'sf salesops forecast --group-by team --write';

const remaining = (quota: number | null, closedWon: number) => (quota === null ? null : Math.max(quota - closedWon, 0));

/**
 * The viewer's stored figures, in at most 3 requests (the same for every viewer, never computed in the browser):
 * a rep's own scorecard and forecast (2); without a scorecard, the viewer's role (a manager: their team's stored
 * forecast; the top of the role hierarchy: the org's) and that forecast (3).
 */
export async function readAttainmentScope(
  client: SalesopsClient,
  periodSpec: string,
  asOf: string,
  userId: string,
): Promise<StoredScope> {
  const where = periodWhere(periodSpec, asOf);
  const [card] = await client.storedResults({
    sobject: 'SalesOps_Rep_Scorecard__c',
    fields: [
      ...PERIOD_FIELDS,
      'Quota__c',
      'Closed_Won__c',
      'Attainment__c',
      'Pace__c',
      'Open_Pipeline__c',
      'Required_Coverage__c',
      'Rank__c',
    ],
    where: { ...where, Rep__c: userId },
    orderBy: PERIOD_ORDER,
    limit: 1,
  });
  const cardPeriod = storedPeriodOf(card);
  if (card && cardPeriod) return { scope: await repScope(client, card, cardPeriod, userId), period: cardPeriod };
  const [user] = await client.storedResults({
    sobject: 'User',
    fields: ['UserRoleId', 'UserRole.ParentRoleId'],
    where: { Id: userId },
  });
  const role = storedText(user?.['UserRoleId']);
  if (role === null) return { scope: null, command: REP_COMMAND };
  const parent = (user?.['UserRole'] as StoredRecord | null | undefined)?.['ParentRoleId'];
  const isTop = storedText(parent) === null;
  const [row] = await client.storedResults({
    sobject: 'SalesOps_Forecast__c',
    fields: [
      ...PERIOD_FIELDS,
      'Scope_Name__c',
      'Quota__c',
      'Closed_Won__c',
      'Commit__c',
      'Best_Case__c',
      'Pace__c',
      'Open_Pipeline__c',
      'Required_Coverage__c',
    ],
    where: {
      ...where,
      Method__c: 'auto',
      ...(isTop ? { Scope_Type__c: 'Org' } : { Scope_Type__c: 'Team', Scope_Id__c: role }),
    },
    orderBy: PERIOD_ORDER,
    limit: 1,
  });
  const period = storedPeriodOf(row);
  // Missing for the top of the hierarchy: the org's forecast. Below it the viewer may be a rep (no scorecard yet) or a
  // manager (no team forecast yet): one more request would tell, so the state names the scorecards, written first.
  if (!row || period === null) return { scope: null, command: isTop ? ORG_COMMAND : REP_COMMAND };
  const quota = storedNumber(row['Quota__c']);
  const closedWon = storedNumber(row['Closed_Won__c']) ?? 0;
  const scope: AttainmentScope = {
    type: isTop ? 'org' : 'team',
    name: isTop ? null : storedText(row['Scope_Name__c']),
    performance: {
      quota,
      closedWon,
      // metrics.md: closedWon / quota (the forecast record stores both, not the ratio).
      attainment: quota !== null && quota > 0 ? closedWon / quota : null,
      // The same figures as a rep's scorecard, computed by core for the team or org (`paceAndCoverage`). Records
      // written before forecasts stored them have none: the card then says which run adds them.
      pace: storedNumber(row['Pace__c']),
      openPipeline: storedNumber(row['Open_Pipeline__c']),
      remainingQuota: remaining(quota, closedWon),
      requiredCoverage: storedNumber(row['Required_Coverage__c']),
    },
    paceCommand: storedNumber(row['Open_Pipeline__c']) === null ? (isTop ? ORG_COMMAND : TEAM_COMMAND) : null,
    commit: storedNumber(row['Commit__c']),
    bestCase: storedNumber(row['Best_Case__c']),
    rank: null,
  };
  return { scope, period };
}

/** A rep's scorecard with the commit and best case of the rep's stored forecast of the same run. */
async function repScope(
  client: SalesopsClient,
  card: StoredRecord,
  period: StoredPeriod,
  userId: string,
): Promise<AttainmentScope> {
  const [forecast] = await client.storedResults({
    sobject: 'SalesOps_Forecast__c',
    fields: ['Commit__c', 'Best_Case__c'],
    where: { ...samePeriodWhere(period), Scope_Type__c: 'Rep', Scope_Id__c: userId, Method__c: 'auto' },
    limit: 1,
  });
  const quota = storedNumber(card['Quota__c']);
  const closedWon = storedNumber(card['Closed_Won__c']) ?? 0;
  return {
    type: 'rep',
    name: null,
    performance: {
      quota,
      closedWon,
      attainment: storedNumber(card['Attainment__c']),
      pace: storedNumber(card['Pace__c']),
      openPipeline: storedNumber(card['Open_Pipeline__c']),
      remainingQuota: remaining(quota, closedWon),
      requiredCoverage: storedNumber(card['Required_Coverage__c']),
    },
    commit: storedNumber(forecast?.['Commit__c']),
    bestCase: storedNumber(forecast?.['Best_Case__c']),
    rank: storedNumber(card['Rank__c']),
    paceCommand: null,
  };
}
