import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { field, type FieldType } from '../schema/objectSchema.js';
import { cellReader } from './csvCells.js';
import { normalizeId, valueFromCsv } from './values.js';

/** Cells in the plain forms the byte readers take and in the forms they leave to `valueFromCsv`. */
const cells: Record<string, fc.Arbitrary<string>> = {
  number: fc.oneof(
    fc.double({ noNaN: true }).map(String),
    fc.integer().map(String),
    fc.constantFrom('12.50', '-0', '.5', '5.', '+7', '1e3', ' 12 ', '0x10', '-', '.', '1234567890123456', 'abc'),
  ),
  boolean: fc.constantFrom('true', 'TRUE', 'True', '1', 'false', '0', 'yes', 'tru', 'truex', ''),
  datetime: fc.oneof(
    fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.constantFrom(
      '2026-02-30T00:00:00.000Z', // not a day: V8 rolls it over, as valueFromCsv does
      '2026-03-08T17:04:05Z',
      '2026-03-08T17:04:05.000+0000',
      '2026-03-08T24:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      'yesterday',
    ),
  ),
  text: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('Closed Won', 'Zürich 東京', 'Prospecting')),
  id: fc.oneof(
    fc.constantFrom('0065e0000000001AAA', '0065e0000000001aaa', '0065e0000000001', '0065e0000000001AAB', '006-bad'),
    fc.stringMatching(/^[0-9A-Za-z]{15}$/),
    fc.stringMatching(/^[0-9A-Za-z]{18}$/),
  ),
};

const read = (type: FieldType, cell: string, name = 'X__c') => {
  const bytes = Buffer.from(`,${cell},`); // the cell inside other bytes, as in a row
  return cellReader(field(name, type))(bytes, 1, bytes.length - 1, false);
};

describe('CSV cells read from their bytes', () => {
  it('give the values valueFromCsv gives for their text', () => {
    const kinds: Array<[FieldType, fc.Arbitrary<string>]> = [
      ['double', cells['number'] as fc.Arbitrary<string>],
      ['currency', cells['number'] as fc.Arbitrary<string>],
      ['int', cells['number'] as fc.Arbitrary<string>],
      ['boolean', cells['boolean'] as fc.Arbitrary<string>],
      ['datetime', cells['datetime'] as fc.Arbitrary<string>],
      ['string', cells['text'] as fc.Arbitrary<string>],
      ['picklist', cells['text'] as fc.Arbitrary<string>],
      ['reference', cells['id'] as fc.Arbitrary<string>],
      ['date', fc.constantFrom('2026-11-16', '2026-02-30', '16/11/2026')],
    ];
    for (const [type, arbitrary] of kinds) {
      fc.assert(
        fc.property(arbitrary.filter(Boolean), (cell) => {
          expect(read(type, cell)).toEqual(valueFromCsv(cell, field('X__c', type)));
        }),
        { numRuns: 400 },
      );
    }
  });

  it('keep one copy of a repeated value of a column, and read each value right after others', () => {
    const reader = cellReader(field('StageName', 'picklist'));
    const values = ['Closed Won', 'Prospecting', 'Closed Won', 'Zürich', 'Zürich', 'Closed Won'].map((v) => {
      const bytes = Buffer.from(v);
      return reader(bytes, 0, bytes.length, false);
    });
    expect(values).toEqual(['Closed Won', 'Prospecting', 'Closed Won', 'Zürich', 'Zürich', 'Closed Won']);
    expect(values[0]).toBe(values[2]);
  });

  it('read an Id as the 18-character id normalizeId gives, null for no id', () => {
    fc.assert(
      fc.property(cells['id'] as fc.Arbitrary<string>, (cell) => {
        expect(read('id', cell, 'Id')).toBe(normalizeId(cell));
      }),
    );
  });

  it('undouble the quotes of an escaped cell', () => {
    const bytes = Buffer.from('say ""hi""');
    expect(cellReader(field('Name', 'string'))(bytes, 0, bytes.length, true)).toBe('say "hi"');
  });
});
