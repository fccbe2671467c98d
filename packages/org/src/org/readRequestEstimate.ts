import type { ReadObjectName } from '@salesops/core';

/**
 * Objects that are small in every org (settings, calendars, stages, currencies): read over REST without the COUNT()
 * that decides between REST and Bulk for the others.
 */
export const ALWAYS_SMALL = new Set<ReadObjectName>([
  'Organization',
  'FiscalYearSettings',
  'Period',
  'UserRole',
  'OpportunityStage',
  'Product2',
  'ForecastingType',
  'Territory2Model',
  'CurrencyType',
  'DatedConversionRate',
]);

/** Records per REST query page (Salesforce's default batch size). */
const REST_PAGE_SIZE = 2000;

/**
 * The API requests `readOrgData` makes for objects of these sizes (null: the object is not queryable, so it is not
 * read): one describeGlobal, then per object one describe, a COUNT() unless it is always small, and one request per
 * 2,000 records (at least one) over REST; from `bulkThreshold` records (default 50,000) a Bulk API 2.0 query, about
 * job, two polls and one request per `bulkPageSize` records (default 50,000). Exact for REST reads without retries.
 *
 * @example
 * readRequestEstimate([{ sobject: 'Organization', count: 1 }, { sobject: 'Opportunity', count: 4500 }]); // 1 + 2 + 4
 */
export function readRequestEstimate(
  objects: ReadonlyArray<{ readonly sobject: ReadObjectName; readonly count: number | null }>,
  options: { readonly bulkThreshold?: number; readonly bulkPageSize?: number } = {},
): number {
  const threshold = options.bulkThreshold ?? 50_000;
  const bulkPage = options.bulkPageSize ?? 50_000;
  let requests = 1;
  for (const { sobject, count } of objects) {
    if (count === null) continue;
    const small = ALWAYS_SMALL.has(sobject);
    requests += 1 + (small ? 0 : 1);
    if (!small && count >= threshold) requests += 1 + 2 + Math.max(1, Math.ceil(count / bulkPage));
    else requests += Math.max(1, Math.ceil(count / REST_PAGE_SIZE));
  }
  return requests;
}

/** The part of a connection {@link readVolumes} uses. */
export interface CountConnection {
  describeGlobal(): PromiseLike<{ sobjects: Array<{ name: string; queryable: boolean }> }>;
  query(soql: string): PromiseLike<{ totalSize: number }>;
}

/**
 * Records per object that `readOrgData` would read (null when the object is not queryable for this user or its
 * count is refused), for {@link readRequestEstimate}: one describeGlobal and one COUNT() per queryable object.
 *
 * @example
 * readRequestEstimate(await readVolumes(connection, ['Organization', 'Opportunity']));
 */
export async function readVolumes(
  connection: CountConnection,
  sobjects: readonly ReadObjectName[],
): Promise<Array<{ sobject: ReadObjectName; count: number | null }>> {
  const global = await connection.describeGlobal();
  const queryable = new Set(global.sobjects.filter((s) => s.queryable).map((s) => s.name));
  const volumes: Array<{ sobject: ReadObjectName; count: number | null }> = [];
  for (const sobject of sobjects) {
    let count: number | null = null;
    if (queryable.has(sobject))
      count = await connection.query(`SELECT COUNT() FROM ${sobject}`).then(
        (r) => r.totalSize,
        () => null,
      );
    volumes.push({ sobject, count });
  }
  return volumes;
}
