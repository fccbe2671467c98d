import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordParser, Opportunity, OpportunityStage } from '@salesops/core';
import { scanCsvChunk, type CsvRow } from '@salesops/csv';
import { createCsvRowDecoder, referencedObjects } from './csvRowDecoder.js';
import { SharedTexts } from './sharedTexts.js';

// Plain forms (read from the bytes) and every other form the core parser accepts or rejects.
const values = {
  id: ['006000000000001AAA', '0050000000000AB', '', ' 006000000000001AAA', '006-00000000001AAA', '00600000000001'],
  text: ['Acme', '', ' spaced ', 'Zürich 東京', 'a,b', 'say "hi"'],
  number: [
    '13500',
    '1350.5',
    '-0',
    '+7',
    '12.',
    '.5',
    '0.1',
    ' 12 ',
    '1e3',
    '99999999999999999',
    '1.2.3',
    '-',
    'x',
    '',
  ],
  integer: ['10', '-3', '2.0', '2.5', ' 4', ''],
  boolean: ['true', 'false', '1', '0', 'TRUE', ' false', 'yes', ''],
  date: ['2026-05-01', '2024-02-29', '2026-02-30', '2026-5-01', ' 2026-05-01', '05/01/2026', ''],
  datetime: [
    '2026-04-01T10:00:00.000Z',
    '2026-04-01T12:00:00.000+0200',
    '2026-04-01 10:00',
    '2026-04-01T25:00:00.000Z',
    '',
  ],
};
const kinds = {
  Id: values.id,
  Name: values.text,
  OwnerId: values.id,
  Amount: values.number,
  StageName: values.text,
  CloseDate: values.date,
  CreatedDate: values.datetime,
  IsClosed: values.boolean,
  IsWon: values.boolean,
  LastActivityDate: values.date,
  CurrencyIsoCode: values.text,
};
const stageKinds = {
  MasterLabel: values.text,
  SortOrder: values.integer,
  DefaultProbability: values.number,
  IsClosed: values.boolean,
  IsWon: values.boolean,
};

function csvLine(fields: readonly string[], quoteAll: boolean): string {
  return fields.map((f) => (quoteAll || /[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',') + '\n';
}

function firstRow(text: string): CsvRow {
  let row: CsvRow | undefined;
  scanCsvChunk(new TextEncoder().encode(text), 2, true, (r) => (row ??= r));
  return row as CsvRow;
}

/** The decoder's result or error message, and the core parser's on the same texts. */
function both<S extends typeof Opportunity | typeof OpportunityStage>(
  schema: S,
  sobject: string,
  header: string[],
  fields: string[],
  quoteAll: boolean,
) {
  const decode = createCsvRowDecoder(sobject, schema, header, 'X.csv');
  const parse = createRecordParser(sobject, schema);
  const outcome = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  const raw = Object.fromEntries(header.map((h, i) => [h, fields[i]]));
  return [
    outcome(() => decode(firstRow(csvLine(fields, quoteAll)))),
    outcome(() => parse(raw, { file: 'X.csv', line: 2 })),
  ];
}

describe('createCsvRowDecoder', () => {
  for (const [sobject, schema, columns] of [
    ['Opportunity', Opportunity, kinds],
    ['OpportunityStage', OpportunityStage, stageKinds],
  ] as const) {
    it(`gives the core parser's record or error for every ${sobject} row`, () => {
      const header = Object.keys(columns);
      fc.assert(
        fc.property(
          fc.tuple(...Object.values(columns).map((pool) => fc.constantFrom(...pool))),
          fc.boolean(),
          (fields, quoteAll) => {
            const [decoded, parsed] = both(schema, sobject, header, fields, quoteAll);
            expect(decoded).toEqual(parsed);
            if ('value' in (decoded ?? {}))
              expect(Object.keys(decoded?.value as object)).toEqual(Object.keys(schema.shape));
          },
        ),
        { numRuns: 2000 },
      );
    });
  }

  it('reads numbers from the bytes as Number() reads their text', () => {
    const decode = createCsvRowDecoder(
      'OpportunityStage',
      OpportunityStage,
      ['MasterLabel', 'DefaultProbability', 'IsClosed', 'IsWon'],
      'X.csv',
    );
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 3 }), (n, decimals) => {
        const text = decimals === 0 ? String(n) : (n / 10 ** decimals).toFixed(decimals);
        const row = firstRow(`Stage,${text},false,false\n`);
        expect((decode(row) as { DefaultProbability: number }).DefaultProbability).toBe(Number(text));
      }),
    );
  });

  it("gives the core parser's records for rows read one after the other, by decoders sharing their texts", () => {
    // Few distinct values, so that rows repeat the previous row's and earlier rows' values.
    const line = fc.tuple(
      fc.constantFrom('006000000000001AAA', '006000000000002AAA', '0050000000000AB', ' 006000000000001AAA', ''),
      fc.constantFrom('Acme', 'Zürich', 'Stage 5wzx', 'Stage c6cd', 'say "hi"', ''),
      fc.constantFrom('2026-05-01', '2024-02-29', '2026-02-30', ''),
      fc.constantFrom('2026-04-01T10:00:00.000Z', '2026-04-01T12:00:00.000+0200', '2026-04-01T25:00:00.000Z'),
    );
    const header = ['OwnerId', 'StageName', 'CloseDate', 'CreatedDate', 'IsClosed', 'IsWon', 'Id'];
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, quoteAll) => {
        const shared = new SharedTexts();
        const decode = createCsvRowDecoder('Opportunity', Opportunity, header, 'X.csv', { shared, internIds: true });
        const parse = createRecordParser('Opportunity', Opportunity);
        const outcome = (f: () => unknown) => {
          try {
            return { value: f() };
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        const text = lines.map(([owner, stage, close, created]) =>
          csvLine([owner, stage, close, created, 'false', 'false', owner], quoteAll),
        );
        let row = 0;
        scanCsvChunk(new TextEncoder().encode(text.join('')), 2, true, (r) => {
          const fields = r.texts();
          const raw = Object.fromEntries(header.map((h, i) => [h, fields[i]]));
          const expected = outcome(() => parse(raw, { file: 'X.csv', line: r.line }));
          expect(outcome(() => decode(r))).toEqual(expected);
          row++;
        });
        expect(row).toBe(lines.length);
        // A second decoder over the same texts gives the values the first kept.
        const again = createCsvRowDecoder('Opportunity', Opportunity, header, 'X.csv', { shared });
        const first = firstRow(text[0] as string);
        const raw = Object.fromEntries(header.map((h, i) => [h, first.texts()[i]]));
        expect(outcome(() => again(first))).toEqual(outcome(() => parse(raw, { file: 'X.csv', line: 2 })));
      }),
      { numRuns: 500 },
    );
  });
});

describe('referencedObjects', () => {
  it('names the objects the given objects refer to, by default those of every object read', () => {
    const ofDeals = referencedObjects(['Opportunity']);
    expect([...ofDeals].sort()).toEqual(expect.arrayContaining(['Account', 'User']));
    expect(ofDeals.has('Opportunity')).toBe(false); // only its history and line items refer to a deal
    expect(referencedObjects(['Opportunity', 'OpportunityHistory']).has('Opportunity')).toBe(true);
    expect(referencedObjects().has('Opportunity')).toBe(true);
    expect(referencedObjects([]).size).toBe(0);
  });
});
