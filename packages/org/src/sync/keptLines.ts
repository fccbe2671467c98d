/**
 * The lines of a previous mirror file whose record is kept, handed on as whole runs of bytes. A million-deal mirror
 * holds hundreds of megabytes in the files a sync changes while a 1 % change drops a few thousand lines: parsing every
 * field (scanCsvFile) would cost seconds where finding line ends costs little. Line ends are found with
 * `Buffer.indexOf` (memchr speed), a quoted field (which may hold a line break) skipped as a whole, and each line's
 * Id (its first field) keyed by a few of its last bytes (where ids differ): only a line whose key a dropped Id has is
 * decoded and compared.
 */
import { open } from 'node:fs/promises';

const BLOCK = 4 * 2 ** 20;
const LF = 10;
const QUOTE = 34;
const COMMA = 44;
const CR = 13;
/** Keys of the dropped-Id filter (a bit each). */
const KEYS = 2 ** 20;

/**
 * Reads `file` (a mirror CSV: header first) and calls `keep` with each run of consecutive records whose Id `drop`
 * does not hold (their bytes with their line ends, and how many records they are). Blank lines are dropped.
 */
export async function keptLines(
  file: string,
  drop: ReadonlySet<string>,
  keep: (bytes: Uint8Array, records: number) => void,
  /** Bytes read at a time (tests use a few to split records across reads). */
  block = BLOCK,
  /** Called with the Id of each record dropped. */
  dropped?: (id: string) => void,
): Promise<void> {
  const keys = new Uint8Array(KEYS / 8);
  const encoder = new TextEncoder();
  for (const id of drop) {
    const key = keyOf(encoder.encode(id), 0, id.length);
    keys[key >> 3] = (keys[key >> 3] as number) | (1 << (key & 7));
  }
  const handle = await open(file);
  try {
    let buffer: Buffer = Buffer.allocUnsafe(block * 2);
    let held = 0;
    let header = true;
    let eof = false;
    while (!eof) {
      if (buffer.length - held < block) buffer = grown(buffer, held);
      const { bytesRead } = await handle.read(buffer, held, block, null);
      held += bytesRead;
      eof = bytesRead === 0;
      const bytes = buffer.subarray(0, held);
      let start = 0;
      let runStart = 0;
      let runRecords = 0;
      let quote = bytes.indexOf(QUOTE);
      for (;;) {
        // The end of the record starting at `start`: the first line end outside a quoted field.
        let end = -1;
        let from = start;
        for (;;) {
          const lf = bytes.indexOf(LF, from);
          if (quote >= 0 && quote < from) quote = bytes.indexOf(QUOTE, from);
          if (quote < 0 || (lf >= 0 && quote > lf)) {
            end = lf;
            break;
          }
          const close = closingQuote(bytes, quote + 1);
          if (close < 0 || (close + 1 === held && !eof)) break;
          from = close + 1;
          quote = bytes.indexOf(QUOTE, from);
        }
        if (end < 0) {
          if (!eof || start === held) break;
          end = held; // the last record, without a line end
        }
        const next = Math.min(end + 1, held);
        const id = header || end <= start ? null : droppedId(bytes, start, end, keys, drop);
        const kept = !header && end > start && id === null;
        if (id !== null) dropped?.(id);
        header = false;
        if (kept) {
          runRecords++;
        } else {
          if (runRecords > 0) keep(bytes.subarray(runStart, start), runRecords);
          runStart = next;
          runRecords = 0;
        }
        start = next;
      }
      if (runRecords > 0) keep(bytes.subarray(runStart, start), runRecords);
      // `keep` has copied or written the run: the unfinished record moves to the front for the next read.
      buffer.copyWithin(0, start, held);
      held -= start;
    }
  } finally {
    await handle.close();
  }
}

/** The Id of the record in `bytes[start, end)` when `drop` has it (its key checked first), else null. */
function droppedId(
  bytes: Buffer,
  start: number,
  end: number,
  keys: Uint8Array,
  drop: ReadonlySet<string>,
): string | null {
  let id: string;
  if (bytes[start] === QUOTE) id = quotedField(bytes, start, end);
  else {
    let stop = bytes.indexOf(COMMA, start);
    if (stop < 0 || stop > end) stop = end;
    if (stop > start && bytes[stop - 1] === CR) stop--;
    const key = keyOf(bytes, start, stop);
    if (((keys[key >> 3] as number) & (1 << (key & 7))) === 0) return null;
    id = bytes.toString('utf8', start, stop);
  }
  return drop.has(id) ? id : null;
}

/** Which of `ids` are the Id of a record of `file` (a mirror CSV), found as `keptLines` finds them. */
export async function idsIn(file: string, ids: ReadonlySet<string>): Promise<Set<string>> {
  const found = new Set<string>();
  if (ids.size === 0) return found;
  await keptLines(
    file,
    ids,
    () => undefined,
    BLOCK,
    (id) => found.add(id),
  );
  return found;
}

/** A 20-bit key from the last bytes of an Id (a Salesforce id's sequence digits and case suffix). */
function keyOf(bytes: Uint8Array, start: number, end: number): number {
  let key = end - start;
  for (let i = Math.max(start, end - 6); i < end; i++) key = Math.imul(key ^ (bytes[i] as number), 0x01000193);
  return (key ^ (key >>> 20)) & (KEYS - 1);
}

/** The position of the quote closing a quoted field whose text starts at `from` (`""` is a quote inside), or -1. */
function closingQuote(bytes: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const q = bytes.indexOf(QUOTE, at);
    if (q < 0 || bytes[q + 1] !== QUOTE) return q;
    at = q + 2;
  }
}

/** The text of a quoted first field (an Id a mirror never quotes, but a file may). */
function quotedField(bytes: Buffer, start: number, end: number): string {
  const close = closingQuote(bytes, start + 1);
  return bytes.toString('utf8', start + 1, close < 0 || close > end ? end : close).replaceAll('""', '"');
}

function grown(buffer: Buffer, held: number): Buffer {
  const bigger = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(bigger, 0, 0, held);
  return bigger;
}
