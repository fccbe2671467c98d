import { closeSync, openSync, readSync } from 'node:fs';
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
  const handle = await open(file);
  // The next chunk is read while this one is scanned, into the other of two buffers: a read is done by a thread of
  // libuv's pool, which a busy machine is slow to schedule (7 ms a read at load 4.5, 1.6 s over the deals' file).
  let spare = Buffer.allocUnsafe(chunkSize); // the buffer no read is under way into
  let reading = handle.read(Buffer.allocUnsafe(chunkSize), 0, chunkSize, null);
  try {
    const scan = new ChunkedScan(visit, chunkSize);
    for (;;) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead > 0) {
        reading = handle.read(spare, 0, chunkSize, null);
        spare = buffer; // copied into the scan's buffer before the next read is awaited
      }
      if (!scan.scannedCopy(buffer, bytesRead)) break;
    }
  } finally {
    await reading.catch(() => undefined); // a scan that stopped with a read under way
    await handle.close();
  }
}

/**
 * `scanCsvFile` without yielding to the event loop: for a caller that must have the records before it returns (the
 * local org loading an object on its first use, inside a request).
 */
export function scanCsvFileSync(file: string, visit: (row: CsvRow) => void, chunkSize = 1 << 20): void {
  const fd = openSync(file, 'r');
  try {
    const scan = new ChunkedScan(visit, chunkSize);
    for (;;) {
      const { buffer, offset } = scan.space();
      if (!scan.scanned(readSync(fd, buffer, offset, chunkSize, null))) break;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A file scanned chunk by chunk. Bytes, not a decoded string: each kept field is decoded on its own, so no value pins
 * a megabyte chunk in memory (V8 slices of a string keep the whole string alive). One buffer is read into again and
 * again, the record left unfinished at its end moved to its start: a gigabyte read as fresh chunks is a gigabyte of
 * garbage.
 */
class ChunkedScan {
  private buffer: Buffer;
  private held = 0; // bytes in the buffer not scanned yet
  private line = 1;
  private bomChecked = false;

  constructor(
    private readonly visit: (row: CsvRow) => void,
    private readonly chunkSize: number,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkSize);
  }

  /** Where the next read goes (`chunkSize` bytes of room). */
  space(): { buffer: Buffer; offset: number } {
    if (this.buffer.length - this.held < this.chunkSize) {
      this.buffer = grown(this.buffer, this.held, this.held + this.chunkSize);
    }
    return { buffer: this.buffer, offset: this.held };
  }

  /** `scanned` for `bytesRead` bytes read into another buffer, `chunk`: copied in after the bytes held. */
  scannedCopy(chunk: Buffer, bytesRead: number): boolean {
    if (bytesRead > 0) {
      const { buffer, offset } = this.space();
      chunk.copy(buffer, offset, 0, bytesRead);
    }
    return this.scanned(bytesRead);
  }

  /** Scans the records completed by a read of `bytesRead` bytes; at the end of the file (0), the last one: false. */
  scanned(bytesRead: number): boolean {
    const buffer = this.buffer;
    if (bytesRead === 0) {
      const from = !this.bomChecked && hasBom(buffer.subarray(0, this.held)) ? 3 : 0;
      scanCsvChunk(buffer.subarray(from, this.held), this.line, true, this.visit);
      return false;
    }
    this.held += bytesRead;
    let from = 0;
    if (!this.bomChecked) {
      if (this.held < 3) return true;
      from = hasBom(buffer) ? 3 : 0;
      this.bomChecked = true;
    }
    const { consumed, lines } = scanCsvChunk(buffer.subarray(from, this.held), this.line, false, this.visit);
    buffer.copyWithin(0, from + consumed, this.held);
    this.held -= from + consumed;
    this.line += lines;
    return true;
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
