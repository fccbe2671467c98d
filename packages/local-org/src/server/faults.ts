/**
 * Faults on demand, reproducible from a seed: what happens to the n-th request depends only on the seed and n
 * (and, for a burst of server errors, on the requests before it), so a client that sends its requests one after
 * another meets the same faults on every run.
 */
import { createRandom } from '../sample-data/random.js';

export interface FaultOptions {
  /** Seed of every decision (default 1). */
  readonly seed?: number;
  /** Added latency per request: a fixed number of milliseconds or a [min, max] range drawn per request. */
  readonly latencyMs?: number | readonly [number, number];
  /** Chance that a request is held back by a latency spike (on top of `latencyMs`). */
  readonly latencySpikeRate?: number;
  /** Length of a latency spike in milliseconds (default 1,500). */
  readonly latencySpikeMs?: number;
  /** Chance that a request starts a burst of 5xx answers. */
  readonly serverErrorRate?: number;
  /** Requests in a burst, the first included (default 3). */
  readonly serverErrorBurst?: number;
  /** Chance that the connection is closed without an answer. */
  readonly dropRate?: number;
  /** Every session expires (401 INVALID_SESSION_ID) after this many authenticated API requests. */
  readonly sessionExpiresAfter?: number;
  /** Chance that each record of an sObject Collections request or Bulk ingest job fails with UNABLE_TO_LOCK_ROW. */
  readonly recordFailureRate?: number;
}

export interface RequestFault {
  /** Total added latency, a spike included. */
  readonly latencyMs: number;
  /** Whether a latency spike is part of `latencyMs`. */
  readonly spike: boolean;
  readonly drop: boolean;
  /** 500 or 503 when this request is answered with a server error. */
  readonly serverError: 500 | 503 | null;
}

/** What the org did to a request, as {@link LocalOrg.faultLog} records it. */
export type FaultKind = 'latencySpike' | 'serverError' | 'drop' | 'sessionExpired' | 'recordFailure' | 'limitExceeded';

/** One injected fault: the request (its number since the fault plan was set, method and path) and what happened. */
export interface FaultEvent {
  readonly n: number;
  readonly kind: FaultKind;
  readonly method: string;
  readonly path: string;
  /** `write` for requests that change data (sObject writes, Collections, Bulk ingest), else `read`. */
  readonly operation: 'read' | 'write';
  /** 500 / 503 for server errors, 401 for session expiry, 403 for the allowance; null otherwise. */
  readonly status: number | null;
  /** The client sent the same request again right after it (set when that request arrives). */
  retried: boolean;
}

/** A 32-bit mix of two numbers (for per-request and per-record seeds). */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

export class FaultPlan {
  private burstLeft = 0;
  private burstStatus: 500 | 503 = 503;

  constructor(readonly options: FaultOptions) {}

  private get seed(): number {
    return this.options.seed ?? 1;
  }

  /** The fault of the n-th request (1-based), in arrival order. */
  forRequest(n: number): RequestFault {
    const random = createRandom(mix(this.seed, n));
    const latency = this.options.latencyMs;
    const latencyMs =
      latency === undefined
        ? 0
        : typeof latency === 'number'
          ? latency
          : Math.round(random.between(latency[0], latency[1]));
    const drop = random.chance(this.options.dropRate ?? 0);
    let serverError: 500 | 503 | null = null;
    const starts = random.chance(this.options.serverErrorRate ?? 0);
    const status: 500 | 503 = random.chance(0.5) ? 500 : 503;
    if (!drop) {
      if (this.burstLeft > 0) {
        this.burstLeft--;
        serverError = this.burstStatus;
      } else if (starts) {
        this.burstStatus = status;
        this.burstLeft = Math.max(0, (this.options.serverErrorBurst ?? 3) - 1);
        serverError = status;
      }
    }
    // Drawn after every other decision, so adding spikes leaves the other faults of a seed as they were.
    const spike = random.chance(this.options.latencySpikeRate ?? 0);
    return { latencyMs: latencyMs + (spike ? (this.options.latencySpikeMs ?? 1_500) : 0), spike, drop, serverError };
  }

  /** Whether record `index` of the n-th request fails with UNABLE_TO_LOCK_ROW. */
  recordFails(n: number, index: number): boolean {
    const rate = this.options.recordFailureRate ?? 0;
    if (rate <= 0) return false;
    return createRandom(mix(mix(this.seed, n), index + 1)).next() < rate;
  }
}
