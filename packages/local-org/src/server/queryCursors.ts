/**
 * Open query cursors (`nextRecordsUrl` `/query/01g…-2000`): a result kept between pages, for the user who ran it.
 * At most 1,000 are kept; the oldest goes first.
 */
import { salesforceId } from '../sample-data/salesforceId.js';
import type { QueryResult } from './soql/queryResult.js';

export interface Cursor {
  readonly result: QueryResult;
  readonly userId: string;
  readonly pageSize: number;
}

const MAX_CURSORS = 1000;

export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();
  private sequence = 0;

  /** Keeps a cursor; returns its id (`01g…`). */
  open(cursor: Cursor): string {
    const id = salesforceId('01g', '5f', ++this.sequence);
    this.cursors.set(id, cursor);
    if (this.cursors.size > MAX_CURSORS) this.cursors.delete(this.cursors.keys().next().value as string);
    return id;
  }

  get(id: string): Cursor | undefined {
    return this.cursors.get(id);
  }

  close(id: string): void {
    this.cursors.delete(id);
  }
}
