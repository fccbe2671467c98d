import { close, closeSync, fsync, openSync, rmSync, writeSync } from 'node:fs';
import { csvRow } from '@salesops/core';

/** A file written: its records, and when it is on disk. */
export interface WrittenFile {
  readonly records: number;
  /** The latest CreatedDate of the records written as values (null without that column or such records). */
  readonly createdMax: string | null;
  readonly durable: Promise<void>;
}

const FLUSH_BYTES = 8 * 2 ** 20;
const encoder = new TextEncoder();

/**
 * Writes one CSV file of a mirror: a header, then lines (values, or the bytes of lines copied from the previous
 * file), `\n` after each; `finish` flushes and fsyncs, so a committed generation is on disk before it is swapped in.
 * Synchronous writes in large blocks: the sync is a command of its own, and the Bulk row visitors are synchronous.
 * The fsync runs in the background (the disk writes hundreds of megabytes at 1M deals while the sync reads the next
 * objects); the sync awaits it before it records the file as finished.
 */
export class MirrorFileWriter {
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(FLUSH_BYTES + 65_536);
  private used = 0;
  /** Records written (the header not counted). */
  rows = 0;
  private readonly createdAt: number;
  private createdMax: string | null = null;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    // A new file, never one opened in place: the path may be a hard link to the current generation's file.
    rmSync(path, { force: true });
    this.fd = openSync(path, 'wx');
    this.createdAt = header.indexOf('CreatedDate');
    this.text(csvRow(header));
  }

  /** A record of values (null for an empty field). */
  line(values: readonly (string | null)[]): void {
    // Mirror datetimes are all `YYYY-MM-DDTHH:MM:SS.sssZ`: their order is their text's.
    const created = this.createdAt >= 0 ? values[this.createdAt] : null;
    if (created && (this.createdMax === null || created > this.createdMax)) this.createdMax = created;
    this.text(csvRow(values));
    this.rows++;
  }

  /** Records as the bytes of their lines, line ends included (one is added when the last line has none). */
  lines(bytes: Uint8Array, records: number): void {
    if (bytes.length === 0) return;
    if (bytes.length < FLUSH_BYTES) {
      this.ensure(bytes.length + 1);
      this.buffer.set(bytes, this.used);
      this.used += bytes.length;
    } else {
      this.flush();
      this.write(bytes);
    }
    if (bytes[bytes.length - 1] !== 10) {
      this.ensure(1);
      this.buffer[this.used++] = 10;
    }
    this.rows += records;
  }

  /** Flushes and closes the file: the records written, and a promise settled once the file is on disk. */
  finish(): WrittenFile {
    try {
      this.flush();
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
    const fd = this.fd;
    const durable = new Promise<void>((resolve, reject) =>
      fsync(fd, (error) =>
        close(fd, (closeError) => ((error ?? closeError) ? reject(error ?? closeError) : resolve())),
      ),
    );
    return { records: this.rows, createdMax: this.createdMax, durable };
  }

  /** Closes a file that will not be used (a failed read). */
  abandon(): void {
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
    this.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private write(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
  }
}
