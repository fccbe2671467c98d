import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export type CsvValue = string | number | boolean | null | undefined;

/** One field as Data Loader writes it: empty for null, quoted when it holds a comma, quote or line break. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file written row by row with bounded memory: rows are buffered into ~64 KiB chunks and the writer waits
 * for the stream to drain when the OS is behind.
 */
export class CsvFileWriter {
  private readonly stream: WriteStream;
  private buffer = '';
  private rowCount = 0;

  constructor(
    readonly path: string,
    readonly columns: readonly string[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.buffer = columns.join(',') + '\n';
  }

  get rows(): number {
    return this.rowCount;
  }

  /** Writes one record; columns it lacks are empty. */
  async write(record: Readonly<Record<string, CsvValue>>): Promise<void> {
    let line = '';
    for (let i = 0; i < this.columns.length; i++) {
      if (i > 0) line += ',';
      line += csvField(record[this.columns[i] as string]);
    }
    this.buffer += line + '\n';
    this.rowCount++;
    if (this.buffer.length >= 65536) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
