/**
 * API request limits: a daily allowance of REST and Bulk API calls, counted live. Every counted response carries
 * `Sforce-Limit-Info: api-usage=n/max`; once the allowance is used up the org answers 403 REQUEST_LIMIT_EXCEEDED
 * (REST API Developer Guide, "Limits" and "Response Headers":
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm).
 */
export interface LimitsOptions {
  /** DailyApiRequests Max (default 15,000, a Developer Edition's allowance). */
  readonly max?: number;
  /** Calls already used at start. */
  readonly used?: number;
}

export class ApiLimits {
  max: number;
  used: number;
  bulkQueryJobs = 0;
  bulkIngestJobs = 0;

  constructor(options: LimitsOptions = {}) {
    this.max = options.max ?? 15_000;
    this.used = options.used ?? 0;
  }

  /** Counts one call; false when the allowance was already used up (the call is refused, not counted). */
  consume(): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }

  /** Sets the allowance (and optionally the calls used), e.g. low to test REQUEST_LIMIT_EXCEEDED. */
  set(max: number, used = this.used): void {
    this.max = max;
    this.used = used;
  }

  header(): string {
    return `api-usage=${this.used}/${this.max}`;
  }

  /** The `/limits` resource: Max and Remaining per limit. */
  toJson(): Record<string, { Max: number; Remaining: number }> {
    const limit = (max: number, used: number): { Max: number; Remaining: number } => ({
      Max: max,
      Remaining: Math.max(0, max - used),
    });
    return {
      ConcurrentAsyncGetReportInstances: limit(200, 0),
      ConcurrentSyncReportRuns: limit(20, 0),
      DailyApiRequests: limit(this.max, this.used),
      DailyAsyncApexExecutions: limit(250_000, 0),
      DailyBulkApiBatches: limit(15_000, 0),
      DailyBulkV2QueryFileStorageMB: limit(976_562, 0),
      DailyBulkV2QueryJobs: limit(10_000, this.bulkQueryJobs),
      DataStorageMB: limit(5, 0),
      FileStorageMB: limit(20, 0),
      HourlyTimeBasedWorkflow: limit(1_000, 0),
      SingleEmail: limit(15, 0),
    };
  }
}
