/** API limits: each versioned request counts against DailyApiRequests (`Sforce-Limit-Info`), and `GET /limits`. */
import type { ServerResponse } from 'node:http';
import { HttpError, sendJson } from '../http/httpUtil.js';
import type { OrgServices, RequestContext } from '../http/requestContext.js';

/** Counts request n against the allowance and sets `Sforce-Limit-Info`; 403 REQUEST_LIMIT_EXCEEDED once used up. */
export function chargeApiRequest(org: OrgServices, res: ServerResponse, n: number): void {
  if (!org.limits.consume()) {
    org.faults.record(n, 'limitExceeded', 403);
    res.setHeader('Sforce-Limit-Info', org.limits.header());
    throw new HttpError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
  }
  res.setHeader('Sforce-Limit-Info', org.limits.header());
}

/** `GET /limits`: the live counters. */
export function limitsResource(ctx: RequestContext): void {
  sendJson(ctx.res, 200, ctx.org.limits.toJson());
}
