/**
 * The running fault plan and the log of what it (and the API allowance) did to each request: numbers requests,
 * marks a request's faults `retried` when the same request follows, and records per-record failures.
 */
import type { ServerResponse } from 'node:http';
import { FaultPlan, type FaultEvent, type FaultKind, type FaultOptions } from './faults.js';

interface TrackedRequest {
  readonly method: string;
  readonly path: string;
  readonly pathname: string;
  readonly events: FaultEvent[];
}

export class FaultLog {
  plan: FaultPlan | undefined;
  private requestCount = 0;
  readonly events: FaultEvent[] = [];
  /** The previous request and its faults, to mark them retried when the same request follows. */
  private previous: TrackedRequest | undefined;
  private readonly inFlight = new Map<number, TrackedRequest>();

  constructor(options: FaultOptions | undefined) {
    this.plan = options ? new FaultPlan(options) : undefined;
  }

  /** Replaces the plan; the request count restarts. */
  setPlan(options: FaultOptions | undefined): void {
    this.plan = options ? new FaultPlan(options) : undefined;
    this.requestCount = 0;
  }

  /**
   * Numbers a request (from 1), marks the previous request's faults retried when this one repeats it, and tracks
   * this one until its response closes.
   */
  begin(method: string, url: URL, res: ServerResponse): number {
    const n = ++this.requestCount;
    const path = url.pathname + url.search;
    const previous = this.previous;
    if (previous && previous.method === method && previous.path === path) {
      for (const event of previous.events) event.retried = true;
    }
    const current: TrackedRequest = { method, path, pathname: url.pathname, events: [] };
    this.previous = current;
    this.inFlight.set(n, current);
    res.on('close', () => {
      if (this.inFlight.get(n) === current) this.inFlight.delete(n);
    });
    return n;
  }

  /** Adds a fault of request n to the log (and to the request's own, for the retry mark). */
  record(n: number, kind: FaultKind, status: number | null): void {
    const request = this.inFlight.get(n);
    const method = request?.method ?? 'GET';
    const path = request?.pathname ?? '';
    const write = method !== 'GET' && method !== 'HEAD' && !/\/jobs\/query(\/|$)/.test(path);
    const event: FaultEvent = { n, kind, method, path, operation: write ? 'write' : 'read', status, retried: false };
    this.events.push(event);
    if (kind !== 'recordFailure') request?.events.push(event);
  }

  /** Whether the plan fails record `index` of request n (logged when it does). */
  recordFails(n: number, index: number): boolean {
    const fails = this.plan?.recordFails(n, index) ?? false;
    if (fails) this.record(n, 'recordFailure', null);
    return fails;
  }
}
