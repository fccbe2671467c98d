import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCsvFile, scanCsvFileSync } from './scanCsvFile.js';
import { CsvSyntaxError, scanCsvBytes } from './parseCsv.js';

/** The fields of every record of CSV bytes held in memory. */
function csvRecordsOf(bytes: Uint8Array): string[][] {
  const records: string[][] = [];
  scanCsvBytes(bytes, 1, (row) => records.push(row.texts()));
  return records;
}

/** RFC 4180 writing: quote a field when it needs it (or when asked), doubling the quotes inside. */
function toCsv(records: string[][], eol: string, quoteAll: boolean): string {
  const quote = (f: string) => (quoteAll || /[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
  return records.map((r) => r.map(quote).join(',') + eol).join('');
}

// Records of 2-4 fields, each with text that needs quoting now and then; a record of one empty field is a blank line.
const field = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'crlf\r\ninside', 'Zürich 東京', '""', ''),
);
const records = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 30 });

describe('CSV scanning', () => {
  it('gives back the written fields, whatever the quoting, the line ends and the chunk boundaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesops-csv-'));
    try {
      await fc.assert(
        fc.asyncProperty(
          records,
          fc.constantFrom('\n', '\r\n'),
          fc.boolean(),
          fc.integer({ min: 1, max: 64 }),
          async (written, eol, quoteAll, chunkSize) => {
            const text = toCsv(written, eol, quoteAll);
            expect(csvRecordsOf(new TextEncoder().encode(text))).toEqual(written);
            expect(csvRecordsOf(new TextEncoder().encode(`\uFEFF${text}`))).toEqual(written);
            const file = join(dir, 'x.csv');
            writeFileSync(file, `\uFEFF${text}`);
            const read: string[][] = [];
            await scanCsvFile(file, (row) => read.push(row.texts()), chunkSize);
            expect(read).toEqual(written);
            const readSync: string[][] = [];
            scanCsvFileSync(file, (row) => readSync.push(row.texts()), chunkSize);
            expect(readSync).toEqual(written);
          },
        ),
        { numRuns: 300 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts lines inside quoted fields when it names the line of an error', () => {
    const bytes = new TextEncoder().encode('a,b\n"x\ny",1\nbad"quote,2\n');
    expect(() => csvRecordsOf(bytes)).toThrow(CsvSyntaxError);
    try {
      csvRecordsOf(bytes);
    } catch (e) {
      expect(e).toMatchObject({ line: 4, column: 4, message: 'a quote inside an unquoted field' });
    }
    expect(() => csvRecordsOf(new TextEncoder().encode('a,"b"c\n'))).toThrow('text after the closing quote');
    expect(() => csvRecordsOf(new TextEncoder().encode('a,"b\n'))).toThrow('a quoted field is never closed');
  });
});
