import { open } from 'node:fs/promises';
import { scanCsvChunk, type CsvRow } from './parseCsv.js';

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
  // (V8 slices of a string keep the whole string alive). One buffer is read into again and again, the record left
  // unfinished at its end moved to its start: a gigabyte read as fresh chunks is a gigabyte of garbage.
  const handle = await open(file);
  try {
    let buffer: Buffer = Buffer.allocUnsafe(chunkSize);
    let held = 0; // bytes in the buffer not scanned yet
    let line = 1;
    let bomChecked = false;
    for (;;) {
      if (buffer.length - held < chunkSize) buffer = grown(buffer, held, held + chunkSize);
      const { bytesRead } = await handle.read(buffer, held, chunkSize, null);
      if (bytesRead === 0) break;
      held += bytesRead;
      let from = 0;
      if (!bomChecked) {
        if (held < 3) continue;
        from = hasBom(buffer) ? 3 : 0;
        bomChecked = true;
      }
      const { consumed, lines } = scanCsvChunk(buffer.subarray(from, held), line, false, visit);
      buffer.copyWithin(0, from + consumed, held);
      held -= from + consumed;
      line += lines;
    }
    const from = !bomChecked && hasBom(buffer.subarray(0, held)) ? 3 : 0;
    scanCsvChunk(buffer.subarray(from, held), line, true, visit);
  } finally {
    await handle.close();
  }
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** A buffer of at least `size` bytes holding the first `held` bytes of `buffer` (a record longer than a chunk). */
function grown(buffer: Buffer, held: number, size: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(size, buffer.length * 2));
  buffer.copy(bigger, 0, 0, held);
  return bigger;
}
