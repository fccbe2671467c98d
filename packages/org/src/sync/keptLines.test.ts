import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRow } from '@salesops/core';
import { keptLines } from './keptLines.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kept-lines-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The kept bytes as text and the records counted, read `block` bytes at a time. */
async function kept(text: string, drop: string[], block?: number): Promise<{ text: string; records: number }> {
  const file = join(dir, 'f.csv');
  await writeFile(file, text);
  const parts: string[] = [];
  let records = 0;
  await keptLines(
    file,
    new Set(drop),
    (bytes, n) => {
      parts.push(Buffer.from(bytes).toString('utf8'));
      records += n;
    },
    block,
  );
  return { text: parts.join(''), records };
}

const rows = [
  ['Id', 'Name', 'Amount'],
  ['006A', 'Plain', '1'],
  ['006B', 'Line\nbreak, "quoted"', '2'],
  ['006C', '"', '3'],
  ['006D', 'Ünïcödé ✓', null],
  ['006E', 'Last', '5'],
];
const file = rows.map((r) => `${csvRow(r)}\n`).join('');
const lines = (...ids: string[]): string =>
  rows
    .filter((r) => ids.includes(r[0] as string))
    .map((r) => `${csvRow(r)}\n`)
    .join('');

describe('keptLines', () => {
  it('hands on the records whose Id is not dropped, quoted line breaks and quotes included, at any block size', async () => {
    for (const block of [1, 2, 3, 5, 8, 13, 64, 1 << 20]) {
      expect(await kept(file, ['006B', '006E'], block)).toEqual({ text: lines('006A', '006C', '006D'), records: 3 });
      expect(await kept(file, ['006A', '006C'], block)).toEqual({ text: lines('006B', '006D', '006E'), records: 3 });
      expect(await kept(file, [], block)).toEqual({ text: lines('006A', '006B', '006C', '006D', '006E'), records: 5 });
    }
  });

  it('drops blank lines and the header, keeps a last line without a line end, finds quoted Ids', async () => {
    expect(await kept('Id,Name\n\n006A,x\n\n006B,y', ['006C'], 3)).toEqual({ text: '006A,x\n006B,y', records: 2 });
    expect(await kept('Id,Name\n"006A",x\n"0""6B",y\n', ['006A', '0"6B'])).toEqual({ text: '', records: 0 });
    expect(await kept('Id,Name\n', ['006A'])).toEqual({ text: '', records: 0 });
    expect(await kept('', ['006A'])).toEqual({ text: '', records: 0 });
  });

  it('tells Ids apart whose hashes could meet (ids of every length, a prefix of others)', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `a${i.toString(36)}`);
    const text = `Id\n${ids.join('\n')}\n`;
    const drop = ids.filter((_, i) => i % 7 === 0);
    const { text: out, records } = await kept(text, [...drop, 'a', 'a_1'], 1000);
    const expected = ids.filter((_, i) => i % 7 !== 0);
    expect(out).toBe(`${expected.join('\n')}\n`);
    expect(records).toBe(expected.length);
  });
});
