import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordParser, OpportunityHistory, OpportunityHistoryTable } from '@salesops/core';
import { createCsvRecords } from './csvRecords.js';
import { scanCsvChunk, type CsvRow } from '@salesops/csv';

const header = ['Id', 'OpportunityId', 'CreatedDate', 'StageName', 'Amount', 'CloseDate', 'Probability'];

/** The rows of a CSV text (header first) into `createCsvRecords`, or the error it stops with. */
function decode(text: string): unknown {
  const records = createCsvRecords('opportunityHistory', 'OpportunityHistory', 'X.csv');
  let add: ((row: CsvRow) => void) | undefined;
  try {
    scanCsvChunk(new TextEncoder().encode(text), 1, true, (row) => {
      if (add) add(row);
      else add = records.header(row.texts());
    });
    return records.done();
  } catch (e) {
    return (e as Error).message;
  }
}

/** The table of the same rows parsed as records by the core parser, or the error it stops with. */
function parse(lines: readonly string[][]): unknown {
  const parseRecord = createRecordParser('OpportunityHistory', OpportunityHistory);
  try {
    return OpportunityHistoryTable.of(
      lines.map((fields, i) =>
        // The decoder hands the parser the schema's fields (OpportunityHistory leaves the row's Id out).
        parseRecord(Object.fromEntries(header.map((h, k) => [h, fields[k]]).filter(([h]) => h !== 'Id')), {
          file: 'X.csv',
          line: i + 2,
        }),
      ),
    );
  } catch (e) {
    return (e as Error).message;
  }
}

describe('createCsvRecords', () => {
  it('puts OpportunityHistory rows into the table the core parser gives, datetimes in any form', () => {
    const line = fc.tuple(
      fc.constantFrom('0085e0000000001AAA'),
      fc.constantFrom('006000000000001AAA', '006000000000002AAA'),
      fc.constantFrom(
        '2026-04-01T10:00:00.000Z',
        '2026-04-01T12:00:00.000+0200',
        '2024-02-29T23:59:59.999Z',
        '1969-12-31T23:00:00.000Z',
        '2026-04-01T25:00:00.000Z',
      ),
      fc.constantFrom('Prospecting', 'Closed Won', ''),
      fc.constantFrom('13500', '1350.5', '', 'x'),
      fc.constantFrom('2026-05-01', ''),
      fc.constantFrom('10', '', '99.5'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
        const text = [header, ...lines].map((fields) => fields.join(',')).join('\n');
        expect(decode(text)).toEqual(parse(lines));
      }),
      { numRuns: 500 },
    );
  });

  it('reads other objects as records', () => {
    const records = createCsvRecords('products', 'Product2', 'X.csv');
    let add: ((row: CsvRow) => void) | undefined;
    scanCsvChunk(new TextEncoder().encode('Id,Name,Family\n01t000000000001AAA,Widget,\n'), 1, true, (row) => {
      if (add) add(row);
      else add = records.header(row.texts());
    });
    expect([records.count, records.done()]).toEqual([1, [{ Id: '01t000000000001AAA', Name: 'Widget', Family: null }]]);
  });
});
