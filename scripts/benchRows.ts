/**
 * The row format every benchmark script reports in, so `npm run bench` can print them side by side: when the
 * environment names a file in `BENCH_ROWS_FILE`, `recordBenchRows` appends the rows to it as JSON lines; run on its
 * own, a script only prints its usual table.
 */
import { appendFileSync } from 'node:fs';

export interface BenchRow {
  /** What is measured, e.g. "engine, 100,000 opportunities". */
  readonly group: string;
  readonly label: string;
  readonly value: number;
  readonly unit: 's' | 'ms' | 'KB' | 'requests';
  /** The reference measured in the same run, in the same unit; null for the reference row itself. */
  readonly reference: { readonly label: string; readonly value: number } | null;
  /** Peak resident memory of the process that measured the row (MiB), when known. */
  readonly peakMiB: number | null;
  readonly note?: string;
}

export function recordBenchRows(rows: readonly BenchRow[]): void {
  const file = process.env['BENCH_ROWS_FILE'];
  if (!file) return;
  appendFileSync(file, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
}

/** This process's peak resident set so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
