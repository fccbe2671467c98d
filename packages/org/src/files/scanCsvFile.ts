import { createReadStream } from 'node:fs';
import { scanCsvChunk, type CsvRow } from '../csv/parseCsv.js';

/**
 * Streams an RFC 4180 CSV file (comma-separated, fields quoted with `"` and quotes doubled inside, LF or CRLF line
 * ends, an optional UTF-8 BOM; blank lines skipped) and hands each record to `visit` as byte ranges (see `CsvRow`).
 * A quote inside an unquoted field, text after a closing quote or a quote never closed is a `CsvSyntaxError` naming
 * line and column. Written for speed: a million-deal org is a gigabyte of CSV, and a general-purpose parser spends
 * most of the read.
 *
 * @example
 * await scanCsvFile('Opportunity.csv', (row) => console.log(row.line, row.text(0)));
 */
export async function scanCsvFile(
  file: string,
  visit: (row: CsvRow) => void,
  /** Bytes read at a time (tests use small chunks to split records across reads). */
  chunkSize = 1 << 20,
): Promise<void> {
  // Bytes, not a decoded string: each kept field is decoded on its own, so no value pins a megabyte chunk in memory
  // (V8 slices of a string keep the whole string alive).
  const stream = createReadStream(file, { highWaterMark: chunkSize });
  let buffer: Buffer = Buffer.alloc(0);
  let line = 1;
  let bomChecked = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    if (!bomChecked) {
      if (buffer.length < 3) continue;
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
      bomChecked = true;
    }
    const { consumed, lines } = scanCsvChunk(buffer, line, false, visit);
    buffer = buffer.subarray(consumed);
    line += lines;
  }
  if (!bomChecked && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
  scanCsvChunk(buffer, line, true, visit);
}
