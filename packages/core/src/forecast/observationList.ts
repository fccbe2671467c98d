import type { Opportunity } from '../model/index.js';
import type { DealRecord } from '../snapshot/index.js';
import type { StageObservation, StageObservations } from './stageObservations.js';

/**
 * One past period's stage observations, read field by field: what stageWinRates and cellPriorStrength count. A
 * million-deal org sees millions of observations; kept as columns (`ObservationColumns`) they cost 8 bytes each, not
 * an object each.
 */
export interface ObservationList {
  readonly length: number;
  opportunity(i: number): Opportunity;
  stage(i: number): string;
  bucket(i: number): number;
  won(i: number): boolean;
  /**
   * The stage cell as a number, the same for the same cell throughout the list (`cellName` gives its name back):
   * passes over millions of observations tally into arrays by number, not maps keyed by the cell's name.
   */
  cell(i: number): number;
  cellName(cell: number): string;
  /**
   * The observed deal as a number: equal numbers are the same deal (a deal's observations are next to each other),
   * so that a pass looks up what it keys by a deal (its owner, say) once per deal, not once per observation.
   */
  deal(i: number): number;
}

/** Stage cell names by number, shared by a snapshot's observation columns. */
export class CellNames {
  readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();

  numberOf(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.numbers.set(name, n);
      this.names.push(name);
    }
    return n;
  }
}

/** Observations as two growing columns: the deal's position in `deals`, and cell number, bucket and outcome packed. */
export class ObservationColumns implements ObservationList {
  length = 0;
  private dealAt = new Int32Array(1024);
  /** (cell number << 8) | (bucket << 1) | won. */
  private packed = new Int32Array(1024);

  constructor(
    private readonly deals: readonly DealRecord[],
    private readonly cells: CellNames,
    /** Label of the past period. */
    readonly period: string,
  ) {}

  push(deal: number, cell: number, bucket: number, won: boolean): void {
    if (this.length === this.packed.length) {
      const dealAt = new Int32Array(this.length * 2);
      dealAt.set(this.dealAt);
      const packed = new Int32Array(this.length * 2);
      packed.set(this.packed);
      this.dealAt = dealAt;
      this.packed = packed;
    }
    this.dealAt[this.length] = deal;
    this.packed[this.length++] = (cell << 8) | (bucket << 1) | (won ? 1 : 0);
  }

  /** Whether observations `from` … the last hold the cell in the bucket (a deal's own: a handful). */
  holds(from: number, cell: number, bucket: number): boolean {
    const key = (cell << 7) | bucket;
    for (let i = from; i < this.length; i++) if ((this.packed[i] as number) >> 1 === key) return true;
    return false;
  }

  opportunity(i: number): Opportunity {
    return (this.deals[this.dealAt[i] as number] as DealRecord).opportunity;
  }

  stage(i: number): string {
    return this.cells.names[(this.packed[i] as number) >> 8] as string;
  }

  bucket(i: number): number {
    return ((this.packed[i] as number) >> 1) & 0x7f;
  }

  won(i: number): boolean {
    return ((this.packed[i] as number) & 1) === 1;
  }

  cell(i: number): number {
    return (this.packed[i] as number) >> 8;
  }

  cellName(cell: number): string {
    return this.cells.names[cell] as string;
  }

  deal(i: number): number {
    return this.dealAt[i] as number;
  }

  /** The observations as objects (for views and tests; passes read the columns). */
  toObjects(): StageObservation[] {
    return Array.from({ length: this.length }, (_, i) => ({
      opportunity: this.opportunity(i),
      period: this.period,
      stage: this.stage(i),
      bucket: this.bucket(i),
      won: this.won(i),
    }));
  }
}

const views = new WeakMap<readonly StageObservation[], ObservationList>();

/**
 * A list of observation objects read as an `ObservationList` (the same view for the same list, so that what is
 * cached per list is found again).
 *
 * @example
 * observationList([{ opportunity, period: 'FY2026-Q1', stage: 'Proposal', bucket: 2, won: true }]).won(0); // true
 */
export function observationList(list: readonly StageObservation[]): ObservationList {
  let view = views.get(list);
  if (!view) {
    const names = new CellNames();
    view = {
      length: list.length,
      opportunity: (i) => (list[i] as StageObservation).opportunity,
      stage: (i) => (list[i] as StageObservation).stage,
      bucket: (i) => (list[i] as StageObservation).bucket,
      won: (i) => (list[i] as StageObservation).won,
      cell: (i) => names.numberOf((list[i] as StageObservation).stage),
      cellName: (cell) => names.names[cell] as string,
      deal: (i) => i, // objects say nothing of which deal repeats: each is its own
    };
    views.set(list, view);
  }
  return view;
}

/**
 * The lists a window (or a plain list) of observations is read through: its columns, else its objects' views.
 *
 * @example
 * for (const list of observationLists(stageObservations(snapshot, period, asOf))) list.length;
 */
export function observationLists(
  observations: StageObservations | readonly StageObservation[],
): readonly ObservationList[] {
  if (!('byPeriod' in observations)) return [observationList(observations)];
  return observations.lists ?? observations.byPeriod.map(observationList);
}
