/**
 * Open query cursors (`nextRecordsUrl` `/query/01g…-2000`): a result kept between pages, for the user who ran it.
 * As on Salesforce, a user has at most 10 open cursors (configurable): opening one more releases the user's oldest,
 * whose next page then answers INVALID_QUERY_LOCATOR. The last page closes a cursor.
 */
import { randomInt } from 'node:crypto';
import { salesforceId } from '../sample-data/salesforceId.js';
import type { QueryResult } from './soql/queryResult.js';

export interface Cursor {
  readonly result: QueryResult;
  readonly userId: string;
  readonly pageSize: number;
}

export class QueryCursors {
  /** In opening order, so the first of a user's is the oldest. */
  private readonly cursors = new Map<string, Cursor>();

  constructor(private readonly perUser: number) {}

  /** Keeps a cursor, releasing the user's oldest beyond the cap; returns its id (`01g…`). */
  open(cursor: Cursor): string {
    let id: string;
    do id = salesforceId('01g', '5f', randomInt(2 ** 47));
    while (this.cursors.has(id));
    this.cursors.set(id, cursor);
    const own = [...this.cursors].filter(([, c]) => c.userId === cursor.userId);
    for (const [oldest] of own.slice(0, Math.max(0, own.length - this.perUser))) this.cursors.delete(oldest);
    return id;
  }

  get(id: string): Cursor | undefined {
    return this.cursors.get(id);
  }

  close(id: string): void {
    this.cursors.delete(id);
  }
}
