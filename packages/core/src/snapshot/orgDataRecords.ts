import type { OpportunityHistory } from '../model/index.js';
import { OpportunityHistoryTable, OpportunityHistoryTableBuilder } from './opportunityHistoryTable.js';
import type { OrgData } from './orgData.js';

/** Collects the parsed records of one `OrgData` object, as OrgData holds them. */
export interface OrgDataRecords {
  push(record: unknown): void;
  /** Records pushed so far. */
  readonly count: number;
  /** The records: an array, or for `opportunityHistory` an {@link OpportunityHistoryTable}. */
  done(): unknown;
}

/**
 * Where a reader puts the records of `key` as it parses them: OpportunityHistory rows go straight into columns (a
 * million-deal org's six million rows would cost several hundred megabytes more as objects), the rest into an array.
 *
 * @example
 * const records = orgDataRecords('opportunityHistory');
 * for (const row of parsed) records.push(row);
 * data.opportunityHistory = records.done() as OpportunityHistoryTable;
 */
export function orgDataRecords(key: keyof OrgData): OrgDataRecords {
  if (key === 'opportunityHistory') {
    const builder = new OpportunityHistoryTableBuilder();
    return {
      push: (record) => builder.push(record as OpportunityHistory),
      get count() {
        return builder.count;
      },
      done: () => builder.build(),
    };
  }
  const records: unknown[] = [];
  return {
    push: (record) => void records.push(record),
    get count() {
      return records.length;
    },
    done: () => records,
  };
}

/** What `OrgData` holds for an object with no records. */
export function emptyOrgDataRecords(key: keyof OrgData): unknown {
  return key === 'opportunityHistory' ? OpportunityHistoryTable.of([]) : [];
}
