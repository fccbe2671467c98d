import { createRecordParser, orgDataObjects, readSchemas, type OrgData, type ReadObjectName } from '@salesops/core';

/**
 * The part of a jsforce 3 `Connection` the reader uses (the Connection from `@salesforce/core`'s
 * `Org.getConnection()` in the CLI, or jsforce's browser build in widgets, both satisfy it).
 */
export interface QueryConnection {
  query(soql: string): PromiseLike<QueryPage>;
  queryMore(locator: string): PromiseLike<QueryPage>;
  describeGlobal(): PromiseLike<{ sobjects: ReadonlyArray<{ name: string; queryable: boolean }> }>;
  describe(sobject: string): PromiseLike<{ fields: ReadonlyArray<{ name: string }> }>;
}

export interface QueryPage {
  readonly totalSize: number;
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
  readonly records: ReadonlyArray<Record<string, unknown>>;
}

/** Fields the engine cannot do without that the user may not read (field-level security). */
export class FieldAccessError extends Error {
  override readonly name = 'FieldAccessError';
  constructor(readonly fields: readonly string[]) {
    super(`The user cannot read ${fields.join(', ')}`);
  }
}

export interface OrgRead {
  readonly data: OrgData;
  /** API requests made (describes and query pages). */
  readonly requests: number;
  /** Objects the org does not have (no territory management, single currency, package not deployed, …). */
  readonly missingObjects: readonly string[];
}

/**
 * Reads everything the engine needs from an org over the REST API: the objects of `OrgData` that the org has,
 * each with the schema's fields that the org exposes to the user (so a single-currency org without
 * `CurrencyIsoCode`, or a user without access to a field, still reads), page by page. Records are parsed by the
 * core schemas, so bad values fail with the object, record Id and field.
 *
 * @example
 * const { data, requests } = await readOrgData(org.getConnection());
 */
export async function readOrgData(connection: QueryConnection): Promise<OrgRead> {
  let requests = 1;
  const global = await connection.describeGlobal();
  const queryable = new Set(global.sobjects.filter((s) => s.queryable).map((s) => s.name));
  const missingObjects: string[] = [];
  const entries: Array<[string, unknown[]]> = [];
  for (const [key, sobject] of Object.entries(orgDataObjects) as Array<[keyof OrgData, ReadObjectName]>) {
    if (!queryable.has(sobject)) {
      missingObjects.push(sobject);
      entries.push([key, []]);
      continue;
    }
    const schema = readSchemas[sobject];
    requests++;
    const described = new Set((await connection.describe(sobject)).fields.map((f) => f.name));
    const fields = Object.keys(schema.shape).filter((f) => described.has(f));
    // A hidden optional field reads as null; a hidden required one (Opportunity.StageName, …) stops the read.
    const hidden = Object.entries(schema.shape)
      .filter(
        ([name, field]) =>
          !described.has(name) && !(field as { safeParse(v: unknown): { success: boolean } }).safeParse(null).success,
      )
      .map(([name]) => `${sobject}.${name}`);
    if (hidden.length > 0) throw new FieldAccessError(hidden);
    const parse = createRecordParser(sobject, schema);
    const rows: unknown[] = [];
    let page = await connection.query(`SELECT ${fields.join(', ')} FROM ${sobject}`);
    requests++;
    for (;;) {
      for (const record of page.records) rows.push(parse(record, { file: `${sobject} (org)` }));
      if (page.done || !page.nextRecordsUrl) break;
      page = await connection.queryMore(page.nextRecordsUrl);
      requests++;
    }
    entries.push([key, rows]);
  }
  const data = Object.fromEntries(entries) as Record<string, unknown[]>;
  const organization = data['organization']?.[0];
  if (!organization) throw new Error('The Organization record could not be read: the user needs API access to it.');
  return { data: { ...data, organization } as unknown as OrgData, requests, missingObjects };
}
