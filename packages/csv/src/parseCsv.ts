/**
 * RFC 4180 CSV parsing of bytes already in memory, shared by the file reader and the Bulk API 2.0 result pages.
 * No Node imports: the browser build of the org reader includes it.
 */

/** A CSV syntax error at a line and column (both 1-based). */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * One record as byte ranges of the chunk being scanned, reused from record to record: valid only while the visitor
 * runs. Readers that turn fields into numbers, booleans or shared values look at the bytes and decode only the text
 * they keep (a million-deal export is tens of millions of fields).
 */
export class CsvRow {
  bytes: Uint8Array = new Uint8Array(0);
  /** Fields in the record. */
  count = 0;
  /** The line the record starts on (1-based). */
  line = 0;
  /** Field i is bytes[starts[i], ends[i]), without its quotes. */
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  /** 1 where a quoted field holds doubled quotes, so its text needs `""` turned into `"`. */
  escaped = new Uint8Array(32);

  /** The text of field i. */
  text(i: number): string {
    const text = decoder.decode(this.bytes.subarray(this.starts[i], this.ends[i]));
    return this.escaped[i] === 1 ? text.replaceAll('""', '"') : text;
  }

  /** Every field's text. */
  texts(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.text(i);
    return out;
  }

  push(start: number, end: number, escaped: boolean): void {
    if (this.count === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
      this.escaped = grow(this.escaped, (n) => new Uint8Array(n));
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = escaped ? 1 : 0;
    this.count++;
  }
}

const decoder = new TextDecoder();

/**
 * Scans a whole CSV text already in memory (a Bulk API 2.0 result page; a UTF-8 BOM is skipped), its first line
 * numbered `firstLine`, and hands each record to `visit` as `scanCsvChunk` does; returns the lines it spans.
 *
 * @example
 * scanCsvBytes(new TextEncoder().encode('Id,Name\n001,Acme\n'), 1, (row) => console.log(row.line, row.texts()));
 */
export function scanCsvBytes(bytes: Uint8Array, firstLine: number, visit: (row: CsvRow) => void): number {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return scanCsvChunk(bom ? bytes.subarray(3) : bytes, firstLine, true, visit).lines;
}

/** Column (1-based, in characters) of byte `pos` on the line starting at byte `lineStart`. */
function columnOf(bytes: Uint8Array, lineStart: number, pos: number): number {
  return decoder.decode(bytes.subarray(lineStart, pos)).length + 1;
}

/**
 * Scans the complete records of `bytes` and hands each to `visit` (blank lines are skipped); with `eof` false, stops
 * before a record that may continue in the next chunk (the streaming file reader calls it chunk by chunk). Returns the
 * bytes consumed and the lines they span. A quote inside an unquoted field, text after a closing quote or a quote
 * never closed is a `CsvSyntaxError` naming line and column.
 */
export function scanCsvChunk(
  bytes: Uint8Array,
  firstLine: number,
  eof: boolean,
  visit: (row: CsvRow) => void,
): { consumed: number; lines: number } {
  const row = new CsvRow();
  row.bytes = bytes;
  const n = bytes.length;
  let pos = 0;
  let line = firstLine;
  let consumed = 0;
  let consumedLine = firstLine;
  outer: while (pos < n) {
    // Blank lines between records are skipped.
    const c0 = bytes[pos] as number;
    if (c0 === LF || c0 === CR) {
      if (c0 === CR && pos + 1 >= n && !eof) break;
      pos += c0 === CR && bytes[pos + 1] === LF ? 2 : 1;
      line++;
      consumed = pos;
      consumedLine = line;
      continue;
    }
    const recordLine = line;
    let lineStart = pos;
    row.count = 0;
    for (;;) {
      if (pos < n && bytes[pos] === QUOTE) {
        // Quoted field: up to the closing quote, "" is a quote.
        const start = pos + 1;
        let from = start;
        let escaped = false;
        let close: number;
        for (;;) {
          close = bytes.indexOf(QUOTE, from);
          if (close === -1 || (close + 1 >= n && !eof)) {
            if (!eof) break outer;
            throw new CsvSyntaxError('a quoted field is never closed', recordLine, columnOf(bytes, lineStart, pos));
          }
          if (bytes[close + 1] === QUOTE) {
            escaped = true;
            from = close + 2;
            continue;
          }
          break;
        }
        // Line breaks inside the field count as lines.
        for (let i = bytes.indexOf(LF, pos); i !== -1 && i < close; i = bytes.indexOf(LF, i + 1)) {
          line++;
          lineStart = i + 1;
        }
        row.push(start, close, escaped);
        pos = close + 1;
        const next = pos < n ? (bytes[pos] as number) : -1;
        if (next !== COMMA && next !== LF && next !== CR && next !== -1) {
          throw new CsvSyntaxError('text after the closing quote of a field', line, columnOf(bytes, lineStart, pos));
        }
      } else {
        // Unquoted field: up to the next comma or line end.
        let end = pos;
        for (; end < n; end++) {
          const c = bytes[end] as number;
          if (c > COMMA) continue; // letters, digits and most punctuation: one comparison per byte
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw new CsvSyntaxError('a quote inside an unquoted field', line, columnOf(bytes, lineStart, end));
          }
        }
        if (end >= n && !eof) break outer;
        row.push(pos, end, false);
        pos = end;
      }
      const c = pos < n ? (bytes[pos] as number) : -1;
      if (c === COMMA) {
        pos++;
        continue;
      }
      if (c === CR) {
        if (pos + 1 >= n && !eof) break outer;
        pos += bytes[pos + 1] === LF ? 2 : 1;
      } else if (c === LF) pos++;
      else if (!eof) break outer;
      line++;
      break;
    }
    row.line = recordLine;
    visit(row);
    consumed = pos;
    consumedLine = line;
  }
  return { consumed, lines: consumedLine - firstLine };
}
