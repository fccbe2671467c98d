import type { OpportunityHistory } from '../model/index.js';
import { dayNumber } from '../calendar/index.js';
import { utcMillisOf } from './localDateOf.js';

/**
 * OpportunityHistory rows held as columns. A million-deal org has about six million history rows: as objects they
 * cost about 130 bytes each (header, seven fields, a CreatedDate string), as these columns 36 (numbers in typed
 * arrays, stage names, forecast categories and close dates as codes into the few distinct values, deal Ids once per
 * run of a deal's rows). Null numbers are NaN inside; the accessors give null back.
 *
 * @example
 * const table = OpportunityHistoryTable.of(rows);
 * table.amount(0); // 13500
 * table.row(0); // the first row as an OpportunityHistory record
 */
export class OpportunityHistoryTable {
  /** Rows in the table. */
  readonly length: number;

  /** The day numbers of the close dates `closeDay` has parsed by text code (NaN: not yet), made on first use. */
  private days = new Float64Array(0);

  private constructor(private readonly c: OpportunityHistoryColumns) {
    this.length = c.runEnds.length > 0 ? (c.runEnds[c.runEnds.length - 1] as number) : 0;
    for (const column of [c.createdMillis, c.amounts, c.probabilities, c.stageCodes, c.categoryCodes, c.closeDateCodes])
      if (column.length !== this.length) {
        throw new RangeError(`History columns of ${column.length} rows, runs of ${this.length}`);
      }
  }

  /** A table of these rows, in their order. */
  static of(rows: Iterable<OpportunityHistory>): OpportunityHistoryTable {
    const builder = new OpportunityHistoryTableBuilder();
    for (const row of rows) builder.push(row);
    return builder.build();
  }

  /** A table of the columns an {@link OpportunityHistoryTableBuilder} (or `columns()` of another table) holds. */
  static fromColumns(columns: OpportunityHistoryColumns): OpportunityHistoryTable {
    return new OpportunityHistoryTable(columns);
  }

  /** The table's columns (shared, not copied), e.g. to send them to another thread. */
  columns(): OpportunityHistoryColumns {
    return this.c;
  }

  /** Runs of consecutive rows of one deal. */
  get runCount(): number {
    return this.c.runIds.length;
  }

  /** Calls `visit` for each run of consecutive rows of one deal (rows `start` to `end`, exclusive), in order. */
  forEachRun(visit: (opportunityId: string, start: number, end: number) => void): void {
    const { runIds, runEnds } = this.c;
    let start = 0;
    for (let r = 0; r < runIds.length; r++) {
      const end = runEnds[r] as number;
      visit(runIds[r] as string, start, end);
      start = end;
    }
  }

  opportunityId(i: number): string {
    if (i < 0 || i >= this.length) throw new RangeError(`No history row ${i} of ${this.length}`);
    const { runIds, runEnds } = this.c;
    let lo = 0;
    let hi = runEnds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((runEnds[mid] as number) > i) hi = mid;
      else lo = mid + 1;
    }
    return runIds[lo] as string;
  }
  /** `CreatedDate` as milliseconds since the epoch. */
  createdAt(i: number): number {
    return this.c.createdMillis[i] as number;
  }
  stageName(i: number): string {
    return this.c.texts[this.c.stageCodes[i] as number] as string;
  }
  amount(i: number): number | null {
    const value = this.c.amounts[i] as number;
    return Number.isNaN(value) ? null : value;
  }
  closeDate(i: number): string | null {
    return this.c.texts[this.c.closeDateCodes[i] as number] as string | null;
  }
  /**
   * `dayNumber(closeDate(i))`, null when the close date is: each distinct date is parsed once, so that passes over
   * every row compare numbers without looking strings up.
   */
  closeDay(i: number): number | null {
    const code = this.c.closeDateCodes[i] as number;
    const date = this.c.texts[code] as string | null;
    if (date === null) return null;
    if (code >= this.days.length) this.days = new Float64Array(this.c.texts.length).fill(NaN);
    let day = this.days[code] as number;
    if (Number.isNaN(day)) this.days[code] = day = dayNumber(date);
    return day;
  }
  probability(i: number): number | null {
    const value = this.c.probabilities[i] as number;
    return Number.isNaN(value) ? null : value;
  }
  forecastCategory(i: number): string | null {
    return this.c.texts[this.c.categoryCodes[i] as number] as string | null;
  }

  /** Row `i` as a record (`CreatedDate` in the canonical `…sssZ` form). */
  row(i: number): OpportunityHistory {
    return {
      OpportunityId: this.opportunityId(i),
      CreatedDate: new Date(this.createdAt(i)).toISOString(),
      StageName: this.stageName(i),
      Amount: this.amount(i),
      CloseDate: this.closeDate(i),
      Probability: this.probability(i),
      ForecastCategory: this.forecastCategory(i),
    };
  }

  /** Every row as a record, for small tables (tests, the widgets' few deals); large ones should stay columns. */
  rows(): OpportunityHistory[] {
    const rows: OpportunityHistory[] = [];
    this.forEachRun((_, start, end) => {
      for (let i = start; i < end; i++) rows.push(this.row(i));
    });
    return rows;
  }

  /** A table of rows `order[0]`, `order[1]`, … of this one. */
  reordered(order: ArrayLike<number>): OpportunityHistoryTable {
    const builder = new OpportunityHistoryTableBuilder(order.length);
    const ids = new Array<string>(this.length);
    this.forEachRun((id, start, end) => ids.fill(id, start, end));
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      builder.add(
        ids[i] as string,
        this.createdAt(i),
        this.stageName(i),
        this.amount(i),
        this.closeDate(i),
        this.probability(i),
        this.forecastCategory(i),
      );
    }
    return builder.build();
  }
}

/** The columns of an {@link OpportunityHistoryTable}; null numbers are NaN, texts are codes into `texts`. */
export interface OpportunityHistoryColumns {
  /** The deal of each run of consecutive rows of one deal, and where each run ends (exclusive). */
  readonly runIds: readonly string[];
  readonly runEnds: Int32Array;
  readonly createdMillis: Float64Array;
  readonly amounts: Float64Array;
  readonly probabilities: Float64Array;
  readonly stageCodes: Uint32Array;
  readonly categoryCodes: Uint32Array;
  readonly closeDateCodes: Uint32Array;
  /** Distinct stage names, forecast categories and close dates (null included), which the codes index into. */
  readonly texts: readonly (string | null)[];
}

const STAGE = 0;
const CATEGORY = 1;
const CLOSE_DATE = 2;

/**
 * Collects OpportunityHistory rows into an {@link OpportunityHistoryTable} as they are read, so that no row object
 * outlives its line of the file.
 */
export class OpportunityHistoryTableBuilder {
  private length = 0;
  private capacity: number;
  private readonly runIds: string[] = [];
  private readonly runEnds: number[] = [];
  private createdMillis: Float64Array;
  private amounts: Float64Array;
  private probabilities: Float64Array;
  private stageCodes: Uint32Array;
  private categoryCodes: Uint32Array;
  private closeDateCodes: Uint32Array;
  private readonly texts: (string | null)[] = [null];
  private readonly codes = new Map<string | null, number>([[null, 0]]);
  private readonly lastTexts: Array<string | null> = [null, null, null];
  private readonly lastCodes = [0, 0, 0];

  /**
   * `expectedRows`: room for that many rows from the start (a reader's estimate from the file's size), so that a
   * large table is not copied again and again as it grows. Room never filled costs address space, not memory: the
   * columns' pages are mapped on first write, and on a VM each first write of a page costs a fault that is far from
   * free (about 7 ms of CPU per fresh 64 MiB on the benchmark machine, where each copy of a doubling touches as many).
   */
  constructor(expectedRows = 1024) {
    this.capacity = Math.max(1024, Math.ceil(expectedRows));
    this.createdMillis = new Float64Array(this.capacity);
    this.amounts = new Float64Array(this.capacity);
    this.probabilities = new Float64Array(this.capacity);
    this.stageCodes = new Uint32Array(this.capacity);
    this.categoryCodes = new Uint32Array(this.capacity);
    this.closeDateCodes = new Uint32Array(this.capacity);
  }

  /** Rows added so far. */
  get count(): number {
    return this.length;
  }

  /** Adds a row (a parsed record: `CreatedDate` a datetime the record parser accepted). */
  push(row: OpportunityHistory): void {
    const created = utcMillisOf(row.CreatedDate);
    if (Number.isNaN(created)) throw new RangeError(`Not a datetime: ${JSON.stringify(row.CreatedDate)}`);
    this.add(
      row.OpportunityId,
      created,
      row.StageName,
      row.Amount,
      row.CloseDate,
      row.Probability,
      row.ForecastCategory,
    );
  }

  /** Adds a row from its values, `createdAt` in milliseconds since the epoch. */
  add(
    opportunityId: string,
    createdAt: number,
    stageName: string,
    amount: number | null,
    closeDate: string | null,
    probability: number | null,
    forecastCategory: string | null,
  ): void {
    // The texts' codes in this order (stage, category, close date): a table's texts are in order of first use.
    const stageCode = this.code(STAGE, stageName);
    const categoryCode = this.code(CATEGORY, forecastCategory);
    this.addCoded(
      opportunityId,
      createdAt,
      stageCode,
      amount,
      this.code(CLOSE_DATE, closeDate),
      probability,
      categoryCode,
    );
  }

  /**
   * `add` with the codes of the row's texts, as `stageCode`, `categoryCode` and `closeDateCode` gave them (a reader
   * that knows a text's code by its bytes need not make the text again), in the order `add` takes them: stage, then
   * category, then close date.
   */
  addCoded(
    opportunityId: string,
    createdAt: number,
    stageCode: number,
    amount: number | null,
    closeDateCode: number,
    probability: number | null,
    categoryCode: number,
  ): void {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    const i = this.length++;
    const runs = this.runIds.length;
    if (runs > 0 && this.runIds[runs - 1] === opportunityId) this.runEnds[runs - 1] = this.length;
    else {
      this.runIds.push(opportunityId);
      this.runEnds.push(this.length);
    }
    this.createdMillis[i] = createdAt;
    this.amounts[i] = amount ?? NaN;
    this.probabilities[i] = probability ?? NaN;
    this.stageCodes[i] = stageCode;
    this.categoryCodes[i] = categoryCode;
    this.closeDateCodes[i] = closeDateCode;
  }

  /** The code of a stage name (a new text gets the next code). */
  stageCode(stageName: string): number {
    return this.code(STAGE, stageName);
  }

  /** The code of a forecast category; null is 0. */
  categoryCode(forecastCategory: string | null): number {
    return this.code(CATEGORY, forecastCategory);
  }

  /** The code of a close date; null is 0. */
  closeDateCode(closeDate: string | null): number {
    return this.code(CLOSE_DATE, closeDate);
  }

  build(): OpportunityHistoryTable {
    // Views of the filled rows, not copies: the spare room past them was never written, so it holds no memory.
    const n = this.length;
    return OpportunityHistoryTable.fromColumns({
      runIds: this.runIds,
      runEnds: Int32Array.from(this.runEnds),
      createdMillis: this.createdMillis.subarray(0, n),
      amounts: this.amounts.subarray(0, n),
      probabilities: this.probabilities.subarray(0, n),
      stageCodes: this.stageCodes.subarray(0, n),
      categoryCodes: this.categoryCodes.subarray(0, n),
      closeDateCodes: this.closeDateCodes.subarray(0, n),
      texts: this.texts,
    });
  }

  /** The code of a column's text; the column's previous text and code first (a deal's rows repeat them). */
  private code(column: number, text: string | null): number {
    if (this.lastTexts[column] === text) return this.lastCodes[column] as number;
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      this.codes.set(text, code);
    }
    this.lastTexts[column] = text;
    this.lastCodes[column] = code;
    return code;
  }

  private grow(capacity: number): void {
    const resize = <A extends Float64Array | Uint32Array>(column: A, make: (n: number) => A): A => {
      const out = make(capacity);
      out.set(column.subarray(0, this.length));
      return out;
    };
    this.createdMillis = resize(this.createdMillis, (n) => new Float64Array(n));
    this.amounts = resize(this.amounts, (n) => new Float64Array(n));
    this.probabilities = resize(this.probabilities, (n) => new Float64Array(n));
    this.stageCodes = resize(this.stageCodes, (n) => new Uint32Array(n));
    this.categoryCodes = resize(this.categoryCodes, (n) => new Uint32Array(n));
    this.closeDateCodes = resize(this.closeDateCodes, (n) => new Uint32Array(n));
    this.capacity = capacity;
  }
}
