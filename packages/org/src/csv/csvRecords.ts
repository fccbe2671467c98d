import {
  OpportunityHistoryTableBuilder,
  orgDataRecords,
  readSchemas,
  type OrgData,
  type ReadObjectName,
} from '@salesops/core';
import { createCsvRowDecoder, type CsvRowDecoderOptions } from './csvRowDecoder.js';
import { createHistoryRowReader } from './historyRowReader.js';
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
    const builder = new OpportunityHistoryTableBuilder(options.expectedRows);
    return {
      header: (header, source = file) => createHistoryRowReader(builder, header, source, options),
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
