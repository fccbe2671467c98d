import {
  OpportunityHistory,
  OpportunityHistoryTableBuilder,
  orgDataRecords,
  readSchemas,
  type OrgData,
  type ReadObjectName,
} from '@salesops/core';
import { createCsvRowDecoder, createCsvValuesDecoder, type CsvRowDecoderOptions } from './csvRowDecoder.js';
import type { CsvRow } from '@salesops/csv';

/** The decoded rows of one object's CSV, as `OrgData` holds them. */
export interface CsvRecords {
  /**
   * What to give each row under this header line (files have one; Bulk API 2.0 results one per page), in `source`
   * (the file errors name; default the object's file: a mirror's changes file is another).
   */
  header(header: readonly string[], source?: string): (row: CsvRow) => void;
  /** Rows added so far. */
  readonly count: number;
  /** The records: an array, or for `opportunityHistory` an `OpportunityHistoryTable`. */
  done(): unknown;
}

/**
 * Where the rows of one object's CSV go as they are decoded (files and Bulk API 2.0 results alike): OpportunityHistory
 * rows straight into table columns, without a record or a CreatedDate text per row; other objects as records.
 *
 * @example
 * const records = createCsvRecords('opportunityHistory', 'OpportunityHistory', file);
 * let add; await scanCsvFile(file, (row) => (add ? add(row) : (add = records.header(row.texts()))));
 * data.opportunityHistory = records.done() as OpportunityHistoryTable;
 */
export function createCsvRecords(
  key: keyof OrgData,
  sobject: ReadObjectName,
  file: string,
  options: CsvRowDecoderOptions & {
    /** About how many rows will come (a file reader's estimate from the size): room for them from the start. */
    readonly expectedRows?: number;
  } = {},
): CsvRecords {
  if (key === 'opportunityHistory') {
    const at = Object.fromEntries(Object.keys(OpportunityHistory.shape).map((name, k) => [name, k])) as Record<
      keyof OpportunityHistory,
      number
    >;
    const builder = new OpportunityHistoryTableBuilder(options.expectedRows);
    return {
      header(header, source = file) {
        const decode = createCsvValuesDecoder(sobject, OpportunityHistory, header, source, {
          ...options,
          datetimeAsMillis: true,
        });
        return (row) => {
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
      },
      get count() {
        return builder.count;
      },
      done: () => builder.build(),
    };
  }
  const records = orgDataRecords(key);
  return {
    header(header, source = file) {
      const decode = createCsvRowDecoder(sobject, readSchemas[sobject], header, source, options);
      return (row) => records.push(decode(row));
    },
    get count() {
      return records.count;
    },
    done: () => records.done(),
  };
}
