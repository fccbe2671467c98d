import { readSchemas, type ReadObjectName } from '@salesops/core';

/** How one object is mirrored: the columns written, their describe types, and the field its mark follows. */
export interface ObjectPlan {
  readonly sobject: ReadObjectName;
  /** `Id`, then the fields the commands read (core's read schema) that the org describes, in the schema's order. */
  readonly columns: readonly string[];
  /** The describe type of each column (`datetime`, `currency`, …), for {@link mirrorValue}. */
  readonly types: readonly string[];
  /**
   * SystemModstamp (every change, delete and undelete moves it); CreatedDate for append-only objects that lack it
   * (field history); null when the object has neither: read whole on every sync.
   */
  readonly markField: 'SystemModstamp' | 'CreatedDate' | null;
  /**
   * Deletions are read from the object's tombstones (queryAll, IsDeleted = true): `since` those with SystemModstamp
   * after the mark, `all` the recycle bin's (no SystemModstamp), `none` without IsDeleted.
   */
  readonly tombstones: 'since' | 'all' | 'none';
  /** The object has `IsArchived` (activities): queryAll returns its archived records, which a query leaves out. */
  readonly archivable: boolean;
}

/** The plan of an object from its describe result. */
export function objectPlan(
  sobject: ReadObjectName,
  described: ReadonlyArray<{ readonly name: string; readonly type?: string }>,
): ObjectPlan {
  const types = new Map(described.map((f) => [f.name, f.type ?? 'string']));
  const columns = ['Id', ...Object.keys(readSchemas[sobject].shape).filter((f) => f !== 'Id' && types.has(f))];
  const markField = types.has('SystemModstamp') ? 'SystemModstamp' : types.has('CreatedDate') ? 'CreatedDate' : null;
  return {
    sobject,
    columns,
    types: columns.map((c) => types.get(c) as string),
    markField,
    tombstones: !types.has('IsDeleted') ? 'none' : types.has('SystemModstamp') ? 'since' : 'all',
    archivable: types.has('IsArchived'),
  };
}

/** The SELECT of a plan's columns. */
export function selectOf(plan: ObjectPlan): string {
  return `SELECT ${plan.columns.join(', ')} FROM ${plan.sobject}`;
}

/**
 * A SOQL datetime literal `mark − window`, floored to the second (a lower bound only re-reads more).
 *
 * @example
 * sinceLiteral('2026-11-16T10:00:30.500Z', 600) // => '2026-11-16T09:50:30Z'
 */
export function sinceLiteral(mark: string, windowSeconds: number): string {
  const time = Math.floor(Date.parse(mark) / 1000) - windowSeconds;
  return new Date(time * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
