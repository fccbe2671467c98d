import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { csvRow } from '@salesops/core';

const FLUSH_BYTES = 8 * 2 ** 20;
const encoder = new TextEncoder();

/**
 * Writes one CSV file of a mirror: a header, then lines (values, or the bytes of a line copied from the previous
 * file), `\n` after each; `close` flushes and fsyncs, so a committed generation is on disk before it is swapped in.
 * Synchronous writes in large blocks: the sync is a command of its own, and the Bulk row visitors are synchronous.
 */
export class MirrorFileWriter {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(FLUSH_BYTES + 65_536);
  private used = 0;
  /** Records written (the header not counted). */
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    // A new file, never one opened in place: the path may be a hard link to the current generation's file.
    rmSync(path, { force: true });
    this.fd = openSync(path, 'wx');
    this.text(csvRow(header));
  }

  /** A record of values (null for an empty field). */
  line(values: readonly (string | null)[]): void {
    this.text(csvRow(values));
    this.rows++;
  }

  /** A record as the bytes of its line, without the line end. */
  raw(bytes: Uint8Array): void {
    this.ensure(bytes.length + 1);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
    this.buffer[this.used++] = 10;
    this.rows++;
  }

  close(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  private text(line: string): void {
    this.ensure(line.length * 3 + 1);
    this.used += encoder.encodeInto(line, this.buffer.subarray(this.used)).written;
    this.buffer[this.used++] = 10;
  }

  private ensure(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }

  private flush(): void {
    let offset = 0;
    while (offset < this.used) offset += writeSync(this.fd, this.buffer, offset, this.used - offset);
    this.used = 0;
  }
}
