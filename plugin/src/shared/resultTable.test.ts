import { describe, expect, it } from 'vitest';
import { columnHeader, toCsv, toMarkdown, type Column, type ResultTable } from './resultTable.js';

type Row = { name: string; amount: number | null; share: number; flags: string };
const columns: Array<Column<Row>> = [
  { key: 'name', term: 'rep', kind: 'text', value: (r) => r.name },
  { key: 'amount', term: 'closedWon', kind: 'money', value: (r) => r.amount },
  { key: 'share', term: 'wape', kind: 'ratio', value: (r) => r.share },
  { key: 'flags', term: 'repFlags', kind: 'text', value: (r) => r.flags, paint: (s) => `\u001b[31m${s}\u001b[39m` },
];
const table: ResultTable<Row> = {
  columns,
  rows: [
    { name: 'Ann', amount: 7487957.789195121, share: 0.123456, flags: 'top' },
    { name: '=cmd', amount: -0.005, share: 1, flags: '' },
    { name: 'Bo', amount: null, share: 0, flags: 'bottom' },
  ],
  totals: { name: 'Total', amount: 7487957.784195121 },
};
const options = { currency: 'USD', locale: 'en-US' };

describe('result table files', () => {
  it('writes money rounded to the cent in CSV, ratios as fractions, no colour', () => {
    expect(toCsv(table)).toBe(
      "name,amount,share,flags\nAnn,7487957.79,0.123456,top\n'=cmd,-0.01,1,\nBo,,0,bottom\nTotal,7487957.78,,\n",
    );
    for (const line of toCsv(table).split('\n').slice(1)) {
      const amount = line.split(',')[1] ?? '';
      expect(amount).toMatch(/^(-?\d+(\.\d{1,2})?)?$/);
    }
  });

  it('writes Markdown with the glossary headers and the totals row, never an escape code', () => {
    const md = toMarkdown(table, options);
    expect(md.split('\n').slice(0, 3)).toEqual([
      '| Rep | Closed won | WAPE | Flags |',
      '| --- | ---: | ---: | --- |',
      '| Ann | $7,487,958 | 12.3% | top |',
    ]);
    expect(md).toContain('| Total | $7,487,958 |  |  |');
    expect(md).not.toContain('\u001b');
  });

  it('names metrics properly', () => {
    expect(columns.map(columnHeader)).toEqual(['Rep', 'Closed won', 'WAPE', 'Flags']);
    expect(columnHeader({ key: 'mape', kind: 'ratio', value: () => null })).toBe('MAPE');
    expect(columnHeader({ key: 'mase', kind: 'number', value: () => null })).toBe('MASE');
    expect(
      columnHeader({ key: 'x', term: 'componentAttainment', headerTokens: ['Team'], kind: 'ratio', value: () => null }),
    ).toBe('Team attainment');
  });
});
