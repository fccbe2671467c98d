import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordParser, OpportunityHistory, OpportunityHistoryTable } from '@salesops/core';
import { createCsvRecords } from './csvRecords.js';
import { scanCsvChunk, type CsvRow } from '@salesops/csv';

const header = [
  'Id',
  'OpportunityId',
  'CreatedDate',
  'StageName',
  'Amount',
  'CloseDate',
  'Probability',
  'ForecastCategory',
];

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

/** The table of the same rows (under `columns`) parsed as records by the core parser, or the error it stops with. */
function parse(columns: readonly string[], lines: readonly string[][]): unknown {
  const parseRecord = createRecordParser('OpportunityHistory', OpportunityHistory);
  try {
    return OpportunityHistoryTable.of(
      lines.map((fields, i) =>
        // The decoder hands the parser the schema's fields (OpportunityHistory leaves the row's Id out).
        parseRecord(
          Object.fromEntries(
            columns.map((h, k) => [h, unquoted(fields[k] ?? '')]).filter(([h]) => h !== 'Id'),
          ) as Record<string, string>,
          { file: 'X.csv', line: i + 2 },
        ),
      ),
    );
  } catch (e) {
    return (e as Error).message;
  }
}

/** A CSV field's value: quotes taken off, doubled quotes made one. */
function unquoted(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}

describe('createCsvRecords', () => {
  it('puts OpportunityHistory rows into the table the core parser gives, datetimes in any form', () => {
    const line = fc.tuple(
      fc.constantFrom('0085e0000000001AAA'),
      fc.constantFrom(
        '006000000000001AAA',
        '006000000000002AAA',
        '006000000000003',
        '0060000000000031',
        '006000000000001AA!',
        '006-bad',
        '',
        '"006000000000001AAA"',
      ),
      fc.constantFrom(
        '2026-04-01T10:00:00.000Z',
        '2026-04-01T12:00:00.000+0200',
        '2024-02-29T23:59:59.999Z',
        '1969-12-31T23:00:00.000Z',
        '2026-04-01T25:00:00.000Z',
        '2026-02-30T10:00:00.000Z',
      ),
      fc.constantFrom('Prospecting', 'Closed Won', 'Clôture', '"Say ""yes"""', ' Prospecting', ''),
      fc.constantFrom('13500', '1350.5', '', 'x', '1e3'),
      fc.constantFrom('2026-05-01', '2026-02-29', '2026-5-1', ''),
      fc.constantFrom('10', '', '99.5'),
      fc.constantFrom('Pipeline', 'BestCase', 'Prévision', ''),
    );
    // With every column, and without ForecastCategory (older exports): that field then reads as null.
    for (const columns of [header, header.slice(0, -1)]) {
      fc.assert(
        fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
          const rows = lines.map((fields) => fields.slice(0, columns.length));
          const text = [columns, ...rows].map((fields) => fields.join(',')).join('\n');
          expect(decode(text)).toEqual(parse(columns, rows));
        }),
        { numRuns: 500 },
      );
    }
  });

  it('gives the texts of the history table the codes of their first use, over many distinct values', () => {
    const lines = Array.from({ length: 60 }, (_, i) => [
      '0085e0000000001AAA',
      `006000000000${String(100 + (i % 7)).padStart(3, '0')}AAA`,
      '2026-04-01T10:00:00.000Z',
      `Stage ${i % 23}`,
      String(i),
      `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`,
      '10',
      `Category ${i % 19}`,
    ]);
    const text = [header, ...lines].map((fields) => fields.join(',')).join('\n');
    const table = decode(text) as OpportunityHistoryTable;
    expect(table.columns()).toEqual((parse(header, lines) as OpportunityHistoryTable).columns());
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
