/** Tabs, list views and report types of the package objects, generated with them (see forceAppMetadata.ts). */
import { customFields, escapeXml, xml, type ObjectSpec } from './forceAppMetadata.js';

/** A tab for each package object (results, runs, quotas), so admins and reps find the records. */
export function tabXml(spec: ObjectSpec): string {
  return xml(
    [
      '<CustomTab xmlns="http://soap.sforce.com/2006/04/metadata">',
      '    <customObject>true</customObject>',
      `    <motif>${spec.tabMotif}</motif>`,
      '</CustomTab>',
    ].join('\n'),
  );
}

/** List views show at most 15 columns: the record name and the first 14 custom fields. */
const LIST_VIEW_COLUMNS = 14;

/** The "All" list view: the record name and the object's first fields, every record the user can see. */
export function listViewXml(spec: ObjectSpec): string {
  const columns = customFields(spec)
    .map((f) => f.name)
    .filter((name) => name !== 'Run_Id__c')
    .slice(0, LIST_VIEW_COLUMNS);
  return xml(
    [
      '<ListView xmlns="http://soap.sforce.com/2006/04/metadata">',
      '    <fullName>All</fullName>',
      '    <columns>NAME</columns>',
      ...columns.map((c) => `    <columns>${c}</columns>`),
      '    <filterScope>Everything</filterScope>',
      '    <label>All</label>',
      '</ListView>',
    ].join('\n'),
  );
}

/**
 * A custom report type per object, every field the writer writes in one section (and the record's name and
 * creation date), so admins build reports and dashboards on stored results.
 */
export function reportTypeXml(spec: ObjectSpec): string {
  const columns = ['Name', 'CreatedDate', ...customFields(spec).map((f) => f.name)];
  return xml(
    [
      '<ReportType xmlns="http://soap.sforce.com/2006/04/metadata">',
      `    <baseObject>${spec.name}</baseObject>`,
      '    <category>other</category>',
      '    <deployed>true</deployed>',
      `    <description>${escapeXml(`${spec.pluralLabel} written by the sf salesops commands.`)}</description>`,
      `    <label>${escapeXml(`SalesOps ${spec.pluralLabel}`.replace('SalesOps SalesOps', 'SalesOps'))}</label>`,
      '    <sections>',
      ...columns.flatMap((field) => [
        '        <columns>',
        '            <checkedByDefault>true</checkedByDefault>',
        `            <field>${field}</field>`,
        `            <table>${spec.name}</table>`,
        '        </columns>',
      ]),
      `        <masterLabel>${escapeXml(spec.label)}</masterLabel>`,
      '    </sections>',
      '</ReportType>',
    ].join('\n'),
  );
}

/** The report type's developer name: the object's without `__c`, then `_Report` (SalesOps_Forecast_Report). */
export const reportTypeName = (object: string): string => `${object.replace(/__c$/, '')}_Report`;
