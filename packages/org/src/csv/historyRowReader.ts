import { OpportunityHistory, type OpportunityHistoryTableBuilder } from '@salesops/core';
import { readCsvNumber, type CsvRow } from '@salesops/csv';
import { createCsvValuesDecoder, type CsvRowDecoderOptions } from './csvRowDecoder.js';
import { canonicalDateTimeMillis, isAlphanumeric, plainDateKey } from './plainFieldBytes.js';
import { asciiHash, NOT_ASCII, sameAscii, SharedTexts } from './sharedTexts.js';

type HistoryField = keyof OpportunityHistory;

/** Distinct texts of a column given codes by their bytes (a column with more is read, its texts made, as any other). */
const CODED_TEXTS = 4096;
/** Texts of a column compared one by one before the column's texts are looked up by hash. */
const SEARCHED_TEXTS = 16;
/** Distinct close dates given codes by their day. */
const CODED_DATES = 65_536;

/**
 * Adds OpportunityHistory rows to a table builder straight from their bytes: the deal Id made into a text once per
 * run of a deal's rows, the stage, forecast category and close date turned into the table's codes by their bytes (no
 * text per row), numbers and the canonical CreatedDate read from the bytes. A row with any field outside these plain
 * forms (quotes doubled, a short row, a bad or other form of value) goes through `createCsvValuesDecoder`, which gives
 * the same values or the error naming file, line and field; so the table is the one that decoder's values make.
 *
 * @example
 * const builder = new OpportunityHistoryTableBuilder();
 * const add = createHistoryRowReader(builder, header, 'OpportunityHistory.csv');
 * await scanCsvFile(file, (row) => add(row)); // the header row excepted
 */
export function createHistoryRowReader(
  builder: OpportunityHistoryTableBuilder,
  header: readonly string[],
  file: string,
  options: CsvRowDecoderOptions = {},
): (row: CsvRow) => void {
  const texts = options.shared ?? new SharedTexts();
  const decode = createCsvValuesDecoder('OpportunityHistory', OpportunityHistory, header, file, {
    ...options,
    shared: texts,
    datetimeAsMillis: true,
  });
  const at = Object.fromEntries(Object.keys(OpportunityHistory.shape).map((name, k) => [name, k])) as Record<
    HistoryField,
    number
  >;
  const addDecoded = (row: CsvRow): void => {
    const v = decode(row);
    builder.add(
      v[at.OpportunityId] as string,
      v[at.CreatedDate] as number,
      v[at.StageName] as string,
      v[at.Amount] as number | null,
      v[at.CloseDate] as string | null,
      v[at.Probability] as number | null,
      v[at.ForecastCategory] as string | null,
    );
  };
  const column = (name: HistoryField): number => header.indexOf(name);
  const [idAt, createdAt, stageAt, amountAt, closeAt, probabilityAt, categoryAt] = (
    ['OpportunityId', 'CreatedDate', 'StageName', 'Amount', 'CloseDate', 'Probability', 'ForecastCategory'] as const
  ).map(column) as [number, number, number, number, number, number, number];
  const lastColumn = Math.max(idAt, createdAt, stageAt, amountAt, closeAt, probabilityAt, categoryAt);
  // A header without one of the fields: its value is null or the row's error, which the decoder gives.
  if (Math.min(idAt, createdAt, stageAt, amountAt, closeAt, probabilityAt, categoryAt) < 0) return addDecoded;
  const stages = new TextCodes(texts, (text) => builder.stageCode(text));
  const categories = new TextCodes(texts, (text) => builder.categoryCode(text));
  const closeDates = new Map<number, number>();
  let lastId = '';
  return (row) => {
    const { bytes, starts, ends, escaped } = row;
    if (row.count <= lastColumn) return addDecoded(row);
    // Doubled quotes: the decoder turns them into one.
    if (escaped[idAt] !== 0 || escaped[createdAt] !== 0 || escaped[stageAt] !== 0) return addDecoded(row);
    if (escaped[amountAt] !== 0 || escaped[closeAt] !== 0 || escaped[probabilityAt] !== 0) return addDecoded(row);
    if (escaped[categoryAt] !== 0) return addDecoded(row);
    // Required fields: an empty one is the row's error.
    const idStart = starts[idAt] as number;
    const idEnd = ends[idAt] as number;
    const stageStart = starts[stageAt] as number;
    const stageEnd = ends[stageAt] as number;
    if (idStart === idEnd || stageStart === stageEnd) return addDecoded(row);
    if (!sameAscii(lastId, bytes, idStart, idEnd)) {
      if (!isPlainId(bytes, idStart, idEnd)) return addDecoded(row);
      lastId = texts.fromBytes(bytes, idStart, idEnd);
    }
    const created = canonicalDateTimeMillis(bytes, starts[createdAt] as number, ends[createdAt] as number);
    const amount = readNullableNumber(bytes, starts[amountAt] as number, ends[amountAt] as number);
    const probability = readNullableNumber(bytes, starts[probabilityAt] as number, ends[probabilityAt] as number);
    if (Number.isNaN(created) || amount === undefined || probability === undefined) return addDecoded(row);
    const closeStart = starts[closeAt] as number;
    const closeEnd = ends[closeAt] as number;
    const closeKey = closeStart === closeEnd ? 0 : plainDateKey(bytes, closeStart, closeEnd);
    if (closeKey < 0) return addDecoded(row);
    // The codes in the order `add` gives them: stage, category, close date.
    const stageCode = stages.code(bytes, stageStart, stageEnd);
    const categoryStart = starts[categoryAt] as number;
    const categoryEnd = ends[categoryAt] as number;
    const categoryCode = categoryStart === categoryEnd ? 0 : categories.code(bytes, categoryStart, categoryEnd);
    let closeCode = closeKey === 0 ? 0 : closeDates.get(closeKey);
    if (closeCode === undefined) {
      closeCode = builder.closeDateCode(texts.fromBytes(bytes, closeStart, closeEnd));
      if (closeDates.size < CODED_DATES) closeDates.set(closeKey, closeCode);
    }
    builder.addCoded(lastId, created, stageCode, amount, closeCode, probability, categoryCode);
  };
}

/** A 15- or 18-character Id of letters and digits (what the decoder reads without the core parser). */
function isPlainId(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length !== 15 && length !== 18) return false;
  for (let i = start; i < end; i++) if (!isAlphanumeric(bytes[i] as number)) return false;
  return true;
}

/** Null for an empty field, the number of a plain one, undefined for other forms. */
function readNullableNumber(bytes: Uint8Array, start: number, end: number): number | null | undefined {
  return start === end ? null : readCsvNumber(bytes, start, end);
}

/**
 * The table's codes of one text column by the texts' bytes: the column's first texts compared one by one, then its
 * texts by hash (a comparison confirms), then the text made and given its code by `codeOf`.
 */
class TextCodes {
  private readonly byHash = new Map<number, number>(); // hash → index into texts and codes
  private readonly texts: string[] = [];
  private readonly codes: number[] = [];

  constructor(
    private readonly shared: SharedTexts,
    private readonly codeOf: (text: string) => number,
  ) {}

  /** The code of the non-empty text whose UTF-8 bytes are `bytes[start, end)`. */
  code(bytes: Uint8Array, start: number, end: number): number {
    // A column's first few texts (a picklist's values) by comparison: quicker than hashing the bytes.
    const texts = this.texts;
    const searched = texts.length < SEARCHED_TEXTS ? texts.length : SEARCHED_TEXTS;
    for (let k = 0; k < searched; k++) {
      if (sameAscii(texts[k] as string, bytes, start, end)) return this.codes[k] as number;
    }
    const hash = asciiHash(bytes, start, end);
    if (hash === NOT_ASCII) return this.codeOf(this.shared.fromBytes(bytes, start, end));
    const k = this.byHash.get(hash);
    if (k !== undefined && sameAscii(texts[k] as string, bytes, start, end)) return this.codes[k] as number;
    const text = this.shared.fromAscii(hash, bytes, start, end);
    const code = this.codeOf(text);
    if (k === undefined && this.byHash.size < CODED_TEXTS) {
      this.byHash.set(hash, texts.length);
      texts.push(text);
      this.codes.push(code);
    }
    return code;
  }
}
