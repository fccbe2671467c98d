import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { field, type FieldSchema } from '../schema/objectSchema.js';
import { ColumnRecords } from './columnRecords.js';
import { columnFor, storedDateTimeMs } from './columns.js';
import type { StoredRecord, Value } from './values.js';

/** Values of each form a column holds, and values a file can leave in it that are not of that form. */
const values: Record<string, fc.Arbitrary<Value>> = {
  id: fc.oneof(
    fc.constant(null),
    fc.stringMatching(/^[0-9A-Za-z]{18}$/),
    fc.constantFrom('0065e0000000001', '006-bad', 'Zürich 東京 ids!!!'),
  ),
  datetime: fc.oneof(
    fc.constant(null),
    fc
      .date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc
      .date({ min: new Date('0001-01-01'), max: new Date('0999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.constantFrom('2026-02-30T00:00:00.000Z', '2026-03-08T24:00:00.000Z', '2026-03-08T17:60:05.000Z', 'yesterday'),
  ),
  double: fc.oneof(fc.constant(null), fc.double(), fc.constantFrom(-0, 'abc', 'NaN', '1e3x')),
  boolean: fc.constantFrom(true, false, null),
  string: fc.oneof(fc.constant(null), fc.string({ maxLength: 30 }), fc.constantFrom('Closed Won', 'Zürich 東京')),
};

describe('columns', () => {
  for (const [type, arbitrary] of Object.entries(values)) {
    it(`give back every ${type} value they were given (NaN aside), in order, past the room made up front`, () => {
      fc.assert(
        fc.property(fc.array(arbitrary, { maxLength: 40 }), (given) => {
          const column = columnFor(field(type === 'id' ? 'Id' : 'X__c', type as FieldSchema['type']), 2);
          for (const value of given) column.push(value);
          const back = given.map((_, row) => column.get(row));
          // A double column holds NaN as null: no loaded value is NaN (a non-finite cell stays its text).
          expect(back).toEqual(given.map((v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)));
        }),
      );
    });
  }

  it('read a datetime as milliseconds only in the stored form of a real instant', () => {
    expect(storedDateTimeMs('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(storedDateTimeMs('2026-02-30T00:00:00.000Z')).toBeNaN();
    expect(storedDateTimeMs('0099-01-01T00:00:00.000Z')).toBeNaN(); // Date.UTC would read 1999
    expect(storedDateTimeMs('2026-03-08T17:04:05Z')).toBeNaN();
  });
});

describe('ColumnRecords', () => {
  const fields = [field('Id', 'id'), field('Name', 'string'), field('IsDeleted', 'boolean'), field('Amount', 'double')];
  const rows: StoredRecord[] = [
    { Id: '00Q5e0000000001EAA', Name: 'Ada', IsDeleted: false, Amount: 12.5 },
    { Id: '00Q5e0000000002EAA', Name: null, IsDeleted: true, Amount: null },
  ];
  const load = () => {
    const records = new ColumnRecords(fields, 1);
    for (const row of rows) {
      fields.forEach((f, k) => records.columns[k]?.push(row[f.name] ?? null));
      records.rowLoaded();
    }
    return records;
  };

  it('makes each loaded row a record with every field in the schema order, a new one on each read', () => {
    const records = load();
    expect([...records]).toEqual(rows);
    expect(Object.keys(records.at(0) ?? {})).toEqual(['Id', 'Name', 'IsDeleted', 'Amount']);
    expect(records.at(1)).not.toBe(records.at(1));
    expect(records.value(1, 'IsDeleted')).toBe(true);
    expect(records.at(2)).toBeUndefined();
  });

  it('keeps the first record owned for a row and gives it on every read after; adds records after the rows', () => {
    const records = load();
    const first = records.at(0) as StoredRecord;
    expect(records.own(0, first)).toBe(first);
    expect(records.own(0, { ...first })).toBe(first);
    first['Name'] = 'Grace';
    expect(records.at(0)).toBe(first);
    expect(records.value(0, 'Name')).toBe('Grace');
    expect(records.filter((r) => r['Name'] === 'Grace')).toEqual([first]);
    const added = { Id: '00Q5e0000000003EAA', Name: 'New', IsDeleted: false, Amount: 1 };
    expect(records.push(added)).toBe(3);
    expect(records.at(2)).toBe(added);
    expect(records.lastIndexOf(added)).toBe(2);
    expect(records.lastIndexOf(first)).toBe(0);
    expect(() => records.rowLoaded()).toThrow(/before any record is added/);
    expect(() => records.splice(1, 1)).toThrow(/cannot be removed/);
    expect(records.pop()).toBe(added);
    expect(records.length).toBe(2);
  });
});
