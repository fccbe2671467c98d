/**
 * The package's custom objects and their fields as Salesforce DX source, generated from the zod schemas the writers
 * use (one source of truth: a field written but not deployed cannot happen). forceAppFiles.ts assembles every file;
 * `npm run force-app` writes them into force-app/; test/forceAppMetadata.test.ts proves the committed files equal it.
 */
import {
  fieldDescription,
  fieldMeta,
  QUOTA_KEY_FORMULA,
  resultSchemas,
  SalesOpsQuota,
  type SalesforceFieldType,
} from '@salesops/core';
import type * as z from 'zod/mini';

export interface ObjectSpec {
  readonly name: string;
  readonly label: string;
  readonly pluralLabel: string;
  readonly description: string;
  readonly nameFormat: string;
  /** The tab's icon, one of Salesforce's `CustomNN: Name` motifs. */
  readonly tabMotif: string;
  readonly schema: z.ZodMiniObject;
  /** Validation rules: an error when `formula` is true. */
  readonly validationRules?: ReadonlyArray<{ name: string; description: string; formula: string; message: string }>;
}

export const CUSTOM_OBJECTS: readonly ObjectSpec[] = [
  {
    name: 'SalesOps_Rep_Scorecard__c',
    tabMotif: 'Custom15: Star',
    label: 'Rep Scorecard',
    pluralLabel: 'Rep Scorecards',
    description:
      'One rep, one period: attainment, win rates, pipeline, coverage, rank and flags, written by sf salesops reps compare --write.',
    nameFormat: 'SC-{000000}',
    schema: resultSchemas.SalesOps_Rep_Scorecard__c,
  },
  {
    name: 'SalesOps_Forecast__c',
    tabMotif: 'Custom63: Crystal Ball',
    label: 'Sales Forecast',
    pluralLabel: 'Sales Forecasts',
    description: 'One scope, one period, one method, one as-of date, written by sf salesops forecast --write.',
    nameFormat: 'FC-{000000}',
    schema: resultSchemas.SalesOps_Forecast__c,
  },
  {
    name: 'SalesOps_Forecast_Accuracy__c',
    tabMotif: 'Custom87: Target',
    label: 'Forecast Accuracy',
    pluralLabel: 'Forecast Accuracy Records',
    description:
      'Backtest of one method at one horizon for one scope and period, written by sf salesops forecast accuracy --write.',
    nameFormat: 'FA-{000000}',
    schema: resultSchemas.SalesOps_Forecast_Accuracy__c,
  },
  {
    name: 'SalesOps_Territory_Coverage__c',
    tabMotif: 'Custom64: Globe',
    label: 'Territory Coverage',
    pluralLabel: 'Territory Coverage Records',
    description:
      'One territory, one period: accounts, reps, whitespace, quota, pipeline and coverage, written by sf salesops territory coverage --write.',
    nameFormat: 'TC-{000000}',
    schema: resultSchemas.SalesOps_Territory_Coverage__c,
  },
  {
    name: 'SalesOps_Funnel__c',
    tabMotif: 'Custom19: Wrench',
    label: 'Lead Funnel',
    pluralLabel: 'Lead Funnel Records',
    description:
      'One funnel row, one period: leads, conversions, opportunities, wins and speed to lead for the org, a rep, a lead source, a campaign or a creation cohort, written by sf salesops funnel --write.',
    nameFormat: 'LF-{000000}',
    schema: resultSchemas.SalesOps_Funnel__c,
  },
  {
    name: 'SalesOps_Retention__c',
    tabMotif: 'Custom41: Boat',
    label: 'Revenue Retention',
    pluralLabel: 'Revenue Retention Records',
    description:
      'One segment (or every account), one period: GRR, NRR, churned and contracted accounts and CLV against the same period a year before, written by sf salesops revenue retention --write.',
    nameFormat: 'RR-{000000}',
    schema: resultSchemas.SalesOps_Retention__c,
  },
  {
    name: 'SalesOps_Leaderboard__c',
    tabMotif: 'Custom48: Ribbon',
    label: 'Peer Leaderboard Row',
    pluralLabel: 'Peer Leaderboard Rows',
    description:
      'One row of a peer group leaderboard for one period, readable by every user; names only when the admin allows them. Written by sf salesops reps compare --write.',
    nameFormat: 'LB-{000000}',
    schema: resultSchemas.SalesOps_Leaderboard__c,
  },
  {
    name: 'SalesOps_Stage_Benchmark__c',
    tabMotif: 'Custom19: Wrench',
    label: 'Stage Benchmark',
    pluralLabel: 'Stage Benchmarks',
    description:
      'One stage, one period: typical days won deals spent in it and the win chance from it, org-wide, readable by every user. Written by sf salesops pipeline hygiene --write.',
    nameFormat: 'SB-{000000}',
    schema: resultSchemas.SalesOps_Stage_Benchmark__c,
  },
  {
    name: 'SalesOps_Run__c',
    tabMotif: 'Custom57: Building',
    label: 'SalesOps Run',
    pluralLabel: 'SalesOps Runs',
    description: 'Audit trail of every writing run of the sf salesops commands.',
    nameFormat: 'RUN-{000000}',
    schema: resultSchemas.SalesOps_Run__c,
  },
  {
    name: 'SalesOps_Quota__c',
    tabMotif: 'Custom17: Sack',
    label: 'SalesOps Quota',
    pluralLabel: 'SalesOps Quotas',
    description: 'Quotas per rep (or territory) and period, for orgs without Collaborative Forecasts quotas.',
    nameFormat: 'Q-{000000}',
    schema: SalesOpsQuota,
    // Validation rules run on save only: quotas saved before Key__c existed are read as they are (docs/writeback.md).
    validationRules: [
      {
        name: 'Period_End_Required',
        description: 'A quota covers a period: its last day is required and not before its first.',
        formula: 'OR(ISBLANK(Period_End__c), Period_End__c < Period_Start__c)',
        message: 'Period End is required and must not be before Period Start.',
      },
      {
        name: 'Key_Matches_Quota',
        description:
          'Key__c is quota|Rep|Territory|Start..End, so the unique key refuses a second quota for the same rep, territory and dates.',
        formula: QUOTA_KEY_FORMULA,
        message:
          'Key must be quota|<Rep Id (18 characters)>|<Territory Id>|<Period Start>..<Period End>, e.g. quota|005000000000001AAA||2026-10-01..2026-12-31.',
      },
    ],
  },
];

export const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const label = (apiName: string) => apiName.replace(/__c$/, '').replaceAll('_', ' ');
export const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;

export function fieldXml(
  object: string,
  name: string,
  description: string,
  sf: SalesforceFieldType,
  required: boolean,
): string {
  const lines = [
    `    <fullName>${name}</fullName>`,
    `    <description>${escapeXml(description)}</description>`,
    `    <label>${escapeXml(label(name))}</label>`,
  ];
  switch (sf.type) {
    case 'Text':
      if (sf.externalId) lines.push('    <externalId>true</externalId>');
      lines.push(`    <length>${sf.length}</length>`, `    <required>${required}</required>`);
      if (sf.caseSensitive) lines.push('    <caseSensitive>true</caseSensitive>');
      lines.push('    <type>Text</type>', `    <unique>${sf.unique === true}</unique>`);
      break;
    case 'LongTextArea':
      lines.push(
        `    <length>${sf.length}</length>`,
        '    <type>LongTextArea</type>',
        '    <visibleLines>5</visibleLines>',
      );
      break;
    case 'Currency':
    case 'Number':
    case 'Percent':
      lines.push(
        `    <precision>${sf.precision}</precision>`,
        `    <required>${required}</required>`,
        `    <scale>${sf.scale}</scale>`,
        `    <type>${sf.type}</type>`,
      );
      break;
    case 'Checkbox':
      lines.push('    <defaultValue>false</defaultValue>', '    <type>Checkbox</type>');
      break;
    case 'Date':
    case 'DateTime':
      lines.push(`    <required>${required}</required>`, `    <type>${sf.type}</type>`);
      break;
    case 'Lookup':
      lines.push(
        `    <referenceTo>${sf.referenceTo}</referenceTo>`,
        `    <relationshipName>${object.replace(/__c$/, '').replace(/^SalesOps_/, '')}s_${name.replace(/__c$/, '')}</relationshipName>`,
        `    <required>${required}</required>`,
        '    <type>Lookup</type>',
      );
      break;
    case 'Id':
      throw new Error(`${object}.${name}: an Id is not a custom field`);
  }
  // fullName first, then the elements in alphabetical order, as Salesforce retrieves them.
  const [fullName, ...rest] = lines;
  rest.sort((a, b) => a.trim().localeCompare(b.trim()));
  return xml(
    `<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n${[fullName, ...rest].join('\n')}\n</CustomField>`,
  );
}

/** Every custom field of an object: [name, description, Salesforce type, required]. */
export function customFields(
  spec: ObjectSpec,
): Array<{ name: string; description: string; sf: SalesforceFieldType; required: boolean }> {
  return Object.entries(spec.schema.shape)
    .filter(([name]) => name.endsWith('__c'))
    .map(([name, schema]) => {
      const meta = fieldMeta(schema as z.core.$ZodType, `${spec.name}.${name}`);
      if (!meta.salesforce) throw new Error(`${spec.name}.${name} has no Salesforce field type in its schema`);
      // Checkboxes and long text cannot be required in Salesforce, and a required lookup would need a delete
      // constraint; the writers always send these fields anyway.
      const requirable = !['Checkbox', 'LongTextArea', 'Lookup'].includes(meta.salesforce.type);
      return {
        name,
        description: fieldDescription(schema as z.core.$ZodType) ?? name,
        sf: meta.salesforce,
        required: !meta.nullable && requirable,
      };
    });
}

export function objectXml(spec: ObjectSpec): string {
  return xml(
    [
      '<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">',
      '    <deploymentStatus>Deployed</deploymentStatus>',
      `    <description>${escapeXml(spec.description)}</description>`,
      '    <enableActivities>false</enableActivities>',
      // The writer upserts through Bulk API 2.0 from 2,000 records: set the three "Enterprise Application" flags
      // explicitly (Salesforce enables or disables them together) rather than leave them to the org's default.
      '    <enableBulkApi>true</enableBulkApi>',
      '    <enableHistory>false</enableHistory>',
      '    <enableReports>true</enableReports>',
      '    <enableSearch>false</enableSearch>',
      '    <enableSharing>true</enableSharing>',
      '    <enableStreamingApi>true</enableStreamingApi>',
      `    <label>${escapeXml(spec.label)}</label>`,
      '    <nameField>',
      `        <displayFormat>${spec.nameFormat}</displayFormat>`,
      `        <label>${escapeXml(spec.label)} Number</label>`,
      '        <type>AutoNumber</type>',
      '    </nameField>',
      `    <pluralLabel>${escapeXml(spec.pluralLabel)}</pluralLabel>`,
      '    <sharingModel>Private</sharingModel>',
      '    <visibility>Public</visibility>',
      '</CustomObject>',
    ].join('\n'),
  );
}

export function validationRuleXml(rule: NonNullable<ObjectSpec['validationRules']>[number]): string {
  return xml(
    [
      '<ValidationRule xmlns="http://soap.sforce.com/2006/04/metadata">',
      `    <fullName>${rule.name}</fullName>`,
      '    <active>true</active>',
      `    <description>${escapeXml(rule.description)}</description>`,
      `    <errorConditionFormula>${escapeXml(rule.formula)}</errorConditionFormula>`,
      `    <errorMessage>${escapeXml(rule.message)}</errorMessage>`,
      '</ValidationRule>',
    ].join('\n'),
  );
}
