import { describe, expect, it } from 'vitest';
import { displayWidth, ellipsize, printable, wrapText } from './displayWidth.js';
import { renderTerminalTable, type TerminalColumn } from './terminalTable.js';

const text = (header: string, priority: number, overflow: 'wrap' | 'ellipsis' = 'wrap'): TerminalColumn => ({
  header,
  align: 'left',
  priority,
  overflow,
});
const number = (header: string, priority: number): TerminalColumn => ({
  header,
  align: 'right',
  priority,
  overflow: 'never',
});

describe('renderTerminalTable', () => {
  const columns = [
    text('Rep', 1, 'ellipsis'),
    number('Closed won', 1),
    number('Pipeline', 2),
    number('Avg deal', 5),
    text('Flags', 2),
  ];
  const rows = [
    ['Quinn Gupta', '$94,400', '$154,200', '$12,345', 'top bottleneck:Qualification'],
    ['Vera Bianchi-Montgomery', '$1,283,746', '$462,445', '$9,999', ''],
  ];

  it('prints every column at its natural width when there is no limit', () => {
    const { lines, dropped } = renderTerminalTable(
      { columns, rows, totals: ['Total', '$1,378,146', '', '', ''] },
      {
        colour: false,
      },
    );
    expect(dropped).toEqual([]);
    expect(lines[0]).toBe('Rep                      Closed won  Pipeline  Avg deal  Flags');
    expect(lines[2]).toBe('Quinn Gupta                 $94,400  $154,200   $12,345  top bottleneck:Qualification');
    expect(lines.at(-2)).toMatch(/^─+/);
    expect(lines.at(-1)).toBe('Total                    $1,378,146');
  });

  it('wraps headers and text, then leaves out the least important column, and never cuts a number', () => {
    const { lines, dropped } = renderTerminalTable({ columns, rows }, { width: 72, colour: false });
    expect(dropped).toEqual(['Avg deal']);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(72);
    const body = lines.join('\n');
    for (const amount of ['$94,400', '$1,283,746', '$154,200', '$462,445']) expect(body).toContain(amount);
    expect(lines[2]).toMatch(/ top$/);
    expect(lines[3]).toMatch(/ bottleneck:Qualification$/); // a flag is wrapped whole, never cut
    expect(body).toContain('Vera Bianchi-Montgomery');
  });

  it('cuts a long name with … only when the width leaves no other way, and keeps numbers whole', () => {
    const { lines, dropped } = renderTerminalTable(
      {
        columns: [text('Deal', 2, 'ellipsis'), number('Amount', 1)],
        rows: [['A very long deal name indeed', '$1,000,000']],
      },
      { width: 25, colour: false },
    );
    expect(dropped).toEqual([]);
    expect(lines[2]).toBe('A very long…   $1,000,000');
  });

  it('prints numbers whole even when they alone are wider than the terminal', () => {
    const { lines } = renderTerminalTable(
      { columns: [number('A', 1), number('B', 1)], rows: [['$123,456,789', '$987,654,321']] },
      { width: 10, colour: false },
    );
    expect(lines[2]).toBe('$123,456,789  $987,654,321');
  });

  it('colours only when asked, and the colour does not count in the width', () => {
    const paint = (s: string) => `<${s}>`;
    const table = { columns: [{ ...text('Flag', 1), paint }, number('N', 1)], rows: [['top', '1']] };
    expect(renderTerminalTable(table, { colour: false }).lines[2]).toBe('top   1');
    expect(renderTerminalTable(table, { colour: true }).lines[2]).toBe('<top>   1');
  });

  it('shows control characters of a value as harmless text', () => {
    const { lines } = renderTerminalTable(
      { columns: [text('Deal', 1)], rows: [['Evil\u001b[2J deal\nname']] },
      { colour: false },
    );
    expect(lines[2]).toBe('Evil�[2J deal name');
  });

  it('takes time and memory in proportion to the rows: 100,000 rows render', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => [`Deal ${i}`, `$${i}`]);
    const { lines } = renderTerminalTable(
      { columns: [text('Deal', 1), number('Amount', 1)], rows: many },
      { width: 80, colour: false },
    );
    expect(lines).toHaveLength(100_002);
    expect(lines.at(-1)).toBe('Deal 99999  $99999');
  });
});

describe('display width', () => {
  it('counts wide characters twice and combining marks not at all', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('東京営業部')).toBe(10);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(ellipsize('東京営業部', 6)).toBe('東京…');
    expect(wrapText('pushed 3× (2026-10-01 → 2026-11-01)', 12)).toEqual([
      'pushed 3×',
      '(2026-10-01',
      '→',
      '2026-11-01)',
    ]);
    expect(wrapText('bottleneck:Qualification', 10)).toEqual(['bottleneck', ':Qualifica', 'tion']);
    expect(printable('a\tb')).toBe('a b');
  });
});
