/**
 * Criteria-based sharing rules for the result objects (force-app/main/default/sharingRules/<Object>.sharingRules-
 * meta.xml). The objects are Private and a rep's records are owned by the rep (role hierarchy: the managers above
 * see them); these rules give every internal user read access to the figures that are the same for everyone: team,
 * territory and org forecasts and their accuracy, territory coverage, and the peer leaderboard (which stores names
 * only when the admin asks for them). Every viewer then reads the same stored numbers (widgets.md "Who sees which
 * stored result"). The local org enforces these files.
 */
import { escapeXml, xml } from './forceAppMetadata.js';

export interface SharingRuleSpec {
  readonly object: string;
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** One criterion (Salesforce's FilterItem): the records it matches are shared read-only with all internal users. */
  readonly criterion: {
    readonly field: string;
    readonly operation: 'equals' | 'notEqual' | 'startsWith';
    readonly value: string;
  };
}

const notRep = {
  name: 'SalesOps_Shared_Scopes',
  label: 'SalesOps Shared Scopes',
  description:
    'Team, territory and org results are read by everyone in the org; rep results stay with the rep and their managers.',
  criterion: { field: 'Scope_Type__c', operation: 'notEqual', value: 'Rep' },
} as const;

export const SHARING_RULES: readonly SharingRuleSpec[] = [
  { object: 'SalesOps_Forecast__c', ...notRep },
  { object: 'SalesOps_Forecast_Accuracy__c', ...notRep },
  {
    object: 'SalesOps_Territory_Coverage__c',
    name: 'SalesOps_All_Territories',
    label: 'SalesOps All Territories',
    description: 'Territory coverage is read by everyone in the org, so every viewer sees the same figures.',
    criterion: { field: 'Key__c', operation: 'startsWith', value: 'coverage|' },
  },
  {
    object: 'SalesOps_Leaderboard__c',
    name: 'SalesOps_Peer_Leaderboard',
    label: 'SalesOps Peer Leaderboard',
    description: 'Leaderboard rows are read by everyone in the org; they carry names only when the admin allows it.',
    criterion: { field: 'Key__c', operation: 'startsWith', value: 'leaderboard|' },
  },
  {
    object: 'SalesOps_Stage_Benchmark__c',
    name: 'SalesOps_Org_Stage_Benchmarks',
    label: 'SalesOps Org Stage Benchmarks',
    description: 'Stage benchmarks are org-wide: everyone reads them, so deal health is the same for every viewer.',
    criterion: { field: 'Key__c', operation: 'startsWith', value: 'stage-benchmark|' },
  },
];

export function sharingRulesXml(object: string): string {
  const lines = ['<SharingRules xmlns="http://soap.sforce.com/2006/04/metadata">'];
  for (const rule of SHARING_RULES.filter((r) => r.object === object)) {
    lines.push(
      '    <sharingCriteriaRules>',
      `        <fullName>${rule.name}</fullName>`,
      '        <accessLevel>Read</accessLevel>',
      `        <description>${escapeXml(rule.description)}</description>`,
      `        <label>${escapeXml(rule.label)}</label>`,
      '        <sharedTo>',
      '            <allInternalUsers></allInternalUsers>',
      '        </sharedTo>',
      '        <criteriaItems>',
      `            <field>${rule.criterion.field}</field>`,
      `            <operation>${rule.criterion.operation}</operation>`,
      `            <value>${escapeXml(rule.criterion.value)}</value>`,
      '        </criteriaItems>',
      '        <includeRecordsOwnedByAll>true</includeRecordsOwnedByAll>',
      '    </sharingCriteriaRules>',
    );
  }
  lines.push('</SharingRules>');
  return xml(lines.join('\n'));
}
