/** The package's permission sets, generated with the objects (see forceAppMetadata.ts). */
import { CUSTOM_OBJECTS, customFields, escapeXml, xml, type ObjectSpec } from './forceAppMetadata.js';

/** The result objects reps read and ops users see in full; quotas are edited by admins. */
const RESULT_OBJECTS = CUSTOM_OBJECTS.filter((o) => o.name !== 'SalesOps_Quota__c' && o.name !== 'SalesOps_Run__c').map(
  (o) => o.name,
);

/**
 * The Visualforce pages that host the widgets (force-app/main/default/pages/<name>.page), one element each. Every
 * permission set grants them; the metadata test checks this list against the pages folder.
 */
export const WIDGET_PAGES: readonly string[] = [
  'SalesOpsAttainment',
  'SalesOpsDealHealth',
  'SalesOpsForecast',
  'SalesOpsLeaderboard',
  'SalesOpsTerritoryCoverage',
];

interface ObjectAccess {
  readonly object: string;
  /** Create and edit (and edit the optional fields). */
  readonly edit: boolean;
  readonly delete: boolean;
  readonly viewAll: boolean;
  readonly modifyAll: boolean;
}

const readOnly = (object: string, viewAll: boolean): ObjectAccess => ({
  object,
  edit: false,
  delete: false,
  viewAll,
  modifyAll: false,
});

interface PermissionSetSpec {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly objects: ReadonlyArray<ObjectAccess>;
  /** System permissions, e.g. ApiEnabled: the widgets read through the API (else API_CURRENTLY_DISABLED). */
  readonly userPermissions?: readonly string[];
}

export const PERMISSION_SETS: readonly PermissionSetSpec[] = [
  {
    name: 'SalesOps_Rep',
    label: 'SalesOps Rep',
    description:
      "Read the toolkit's results (own records, their team's through the role hierarchy, the shared team, territory and leaderboard figures) and quotas.",
    objects: [...RESULT_OBJECTS, 'SalesOps_Quota__c'].map((object) => readOnly(object, false)),
    userPermissions: ['ApiEnabled'],
  },
  {
    name: 'SalesOps_Analyst',
    label: 'SalesOps Analyst',
    description: "View all of the toolkit's results and runs.",
    objects: [...RESULT_OBJECTS, 'SalesOps_Run__c', 'SalesOps_Quota__c'].map((object) => readOnly(object, true)),
  },
  {
    name: 'SalesOps_Admin',
    label: 'SalesOps Admin',
    description: 'Run writeback (create and update results and runs) and maintain quotas.',
    // What the writer needs: read (View All, so an upsert finds every key), create and edit; never delete. Results
    // are updated by the user who wrote them (docs/writeback.md). Quotas are the one object admins maintain by hand.
    objects: CUSTOM_OBJECTS.map((o) =>
      o.name === 'SalesOps_Quota__c'
        ? { object: o.name, edit: true, delete: true, viewAll: true, modifyAll: true }
        : { object: o.name, edit: true, delete: false, viewAll: true, modifyAll: false },
    ),
  },
];

export function permissionSetXml(spec: PermissionSetSpec): string {
  const lines = [
    '<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">',
    `    <description>${escapeXml(spec.description)}</description>`,
  ];
  for (const { object, edit } of spec.objects) {
    const o = CUSTOM_OBJECTS.find((c) => c.name === object) as ObjectSpec;
    // Required fields are always readable and editable; Salesforce rejects permissions on them.
    for (const f of customFields(o).filter((f) => !f.required)) {
      lines.push(
        '    <fieldPermissions>',
        `        <editable>${edit}</editable>`,
        `        <field>${object}.${f.name}</field>`,
        '        <readable>true</readable>',
        '    </fieldPermissions>',
      );
    }
  }
  lines.push('    <hasActivationRequired>false</hasActivationRequired>', `    <label>${escapeXml(spec.label)}</label>`);
  for (const { object, edit, delete: remove, viewAll, modifyAll } of spec.objects) {
    lines.push(
      '    <objectPermissions>',
      `        <allowCreate>${edit}</allowCreate>`,
      `        <allowDelete>${remove}</allowDelete>`,
      `        <allowEdit>${edit}</allowEdit>`,
      '        <allowRead>true</allowRead>',
      `        <modifyAllRecords>${modifyAll}</modifyAllRecords>`,
      `        <object>${object}</object>`,
      `        <viewAllRecords>${viewAll}</viewAllRecords>`,
      '    </objectPermissions>',
    );
  }
  for (const page of WIDGET_PAGES) {
    lines.push(
      '    <pageAccesses>',
      `        <apexPage>${page}</apexPage>`,
      '        <enabled>true</enabled>',
      '    </pageAccesses>',
    );
  }
  for (const { object } of spec.objects) {
    lines.push(
      '    <tabSettings>',
      `        <tab>${object}</tab>`,
      '        <visibility>Visible</visibility>',
      '    </tabSettings>',
    );
  }
  for (const name of spec.userPermissions ?? []) {
    lines.push(
      '    <userPermissions>',
      '        <enabled>true</enabled>',
      `        <name>${name}</name>`,
      '    </userPermissions>',
    );
  }
  lines.push('</PermissionSet>');
  return xml(lines.join('\n'));
}
