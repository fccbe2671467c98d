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

/** One record: its fields and the line it starts on. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * The records of a whole CSV text already in memory (a Bulk API 2.0 result page), as `csvRecords` parses a file.
 *
 * @example
 * const [header, ...rows] = csvRecordsOf(Buffer.from('Id,Name\n001,Acme\n')).map((r) => r.fields);
 */
export function csvRecordsOf(bytes: Buffer): CsvRecord[] {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return parseCsvChunk(start === 0 ? bytes : bytes.subarray(start), 1, true).records;
}

/** Column (1-based, in characters) of byte `pos` on the line starting at byte `lineStart`. */
function columnOf(bytes: Buffer, lineStart: number, pos: number): number {
  return bytes.toString('utf8', lineStart, pos).length + 1;
}

/**
 * Parses the complete records of `bytes`; with `eof` false, stops before a record that may continue in the next chunk
 * (the streaming file reader calls it chunk by chunk).
 */
export function parseCsvChunk(
  bytes: Buffer,
  firstLine: number,
  eof: boolean,
): { records: CsvRecord[]; consumed: number; lines: number } {
  const records: CsvRecord[] = [];
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
    const fields: string[] = [];
    for (;;) {
      if (pos < n && bytes[pos] === QUOTE) {
        // Quoted field: up to the closing quote, "" is a quote.
        let value = '';
        let from = pos + 1;
        for (;;) {
          const close = bytes.indexOf(QUOTE, from);
          if (close === -1 || (close + 1 >= n && !eof)) {
            if (!eof) break outer;
            throw new CsvSyntaxError('a quoted field is never closed', recordLine, columnOf(bytes, lineStart, pos));
          }
          value += bytes.toString('utf8', from, close);
          if (bytes[close + 1] === QUOTE) {
            value += '"';
            from = close + 2;
            continue;
          }
          // Line breaks inside the field count as lines.
          for (let i = bytes.indexOf(LF, pos); i !== -1 && i < close; i = bytes.indexOf(LF, i + 1)) {
            line++;
            lineStart = i + 1;
          }
          pos = close + 1;
          break;
        }
        fields.push(value);
        const next = pos < n ? (bytes[pos] as number) : -1;
        if (next !== COMMA && next !== LF && next !== CR && next !== -1) {
          throw new CsvSyntaxError('text after the closing quote of a field', line, columnOf(bytes, lineStart, pos));
        }
      } else {
        // Unquoted field: up to the next comma or line end.
        let end = pos;
        while (end < n) {
          const c = bytes[end] as number;
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw new CsvSyntaxError('a quote inside an unquoted field', line, columnOf(bytes, lineStart, end));
          }
          end++;
        }
        if (end >= n && !eof) break outer;
        fields.push(end === pos ? '' : bytes.toString('utf8', pos, end));
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
    records.push({ fields, line: recordLine });
    consumed = pos;
    consumedLine = line;
  }
  return { records, consumed, lines: consumedLine - firstLine };
}
