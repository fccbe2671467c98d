/**
 * What every API handler is given: the org's services and, per request, the request and response, the session, the
 * API version and the path segments after the resource.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bulk2Jobs } from '../bulk/bulk2Jobs.js';
import type { OrgStore } from '../data/orgStore.js';
import type { StoredRecord } from '../data/values.js';
import type { FaultLog } from '../faultLog.js';
import type { ApiLimits } from '../limits.js';
import type { QueryCursors } from '../queryCursors.js';
import type { Session } from '../sessions.js';
import type { SharingModel } from '../sharing.js';
import type { CalendarSettings } from '../soql/dateLiterals.js';
import type { QueryBudget, QueryContext } from '../soql/queryResult.js';
import type { WriteContext } from '../writes.js';

/** The org's state and settings, one per server. */
export interface OrgServices {
  readonly store: OrgStore;
  readonly sharing: SharingModel;
  readonly limits: ApiLimits;
  readonly bulk: Bulk2Jobs;
  readonly cursors: QueryCursors;
  readonly faults: FaultLog;
  readonly organization: StoredRecord;
  readonly admin: StoredRecord;
  readonly calendar: CalendarSettings;
  readonly timeZone: string;
  /** The clock of audit fields. */
  readonly now: () => Date;
  /** Every query's time and rows-scanned budget. */
  readonly queryBudget: QueryBudget;
  /** Newest API version served (64). */
  readonly latestVersion: number;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  readonly url: string;
}

export interface RequestContext {
  readonly org: OrgServices;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly method: string;
  /** The request's number since start (faults are decided by it). */
  readonly n: number;
  readonly session: Session;
  /** `vXX.X` of the request. */
  readonly version: string;
  /** Decoded path segments after `/services/data/vXX.X/<resource>`. */
  readonly parts: readonly string[];
}

/** What the SOQL evaluator needs to answer the request's user. */
export function queryContext(ctx: RequestContext): QueryContext {
  const { org, session } = ctx;
  return {
    store: org.store,
    calendar: org.calendar,
    timeZone: org.timeZone,
    apiVersion: ctx.version,
    canSee: (table, record) => org.sharing.canSee(session.viewer, table, record),
    seesAll: session.viewer.viewAll,
    budget: org.queryBudget,
  };
}

/** What the write paths need to write as the request's user (a fresh undo list). */
export function writeContext(ctx: RequestContext): WriteContext {
  const { org, session } = ctx;
  return { store: org.store, sharing: org.sharing, viewer: session.viewer, now: org.now().toISOString(), undo: [] };
}

/** Whether the fault plan fails record `index` of this request (logged when it does). */
export function recordFails(ctx: RequestContext, index: number): boolean {
  return ctx.org.faults.recordFails(ctx.n, index);
}
