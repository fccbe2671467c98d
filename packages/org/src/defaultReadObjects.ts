import { orgDataObjects, REVOPS_OBJECTS, type OrgData } from '@salesops/core';

/**
 * What a read gives a caller that names no objects: every `OrgData` object but the funnel's leads, campaigns and
 * activities (`REVOPS_OBJECTS`), three times as many rows as the deals in a typical org, read only by the commands
 * that compute with them (they name them in `objects`).
 *
 * @example
 * defaultReadObjects().includes('leads'); // false
 */
export function defaultReadObjects(): Array<keyof OrgData> {
  const revops = new Set<keyof OrgData>(REVOPS_OBJECTS);
  return (Object.keys(orgDataObjects) as Array<keyof OrgData>).filter((key) => !revops.has(key));
}

/**
 * What a command reads: the default read without line items (only product demand shows them: `lineItems`), and with
 * the funnel's objects for the commands that compute with them (`revops`).
 *
 * @example
 * commandReadObjects().includes('opportunityLineItems'); // false
 * commandReadObjects({ revops: true }).includes('leads'); // true
 */
export function commandReadObjects(
  needs: { readonly lineItems?: boolean; readonly revops?: boolean } = {},
): Array<keyof OrgData> {
  const revops = new Set<keyof OrgData>(REVOPS_OBJECTS);
  return (Object.keys(orgDataObjects) as Array<keyof OrgData>).filter(
    (key) =>
      (needs.lineItems === true || key !== 'opportunityLineItems') && (needs.revops === true || !revops.has(key)),
  );
}
