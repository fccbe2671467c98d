import { SfError, type Org } from '@salesforce/core';
/** The org session ended: say so, with how to log in again (as `actions`). */
export declare function sessionExpiredError(cause?: unknown): SfError;
/**
 * An API failure as the user should see it: an expired session says how to log in again, a used-up allowance says
 * how much was used and what to do, a connection the org kept closing or 5xx answers that outlasted the retries say
 * so; a Bulk API 2.0 job that failed, was aborted or timed out names the job and the org's reason; anything else is
 * passed on unchanged.
 */
export declare function apiError(e: unknown, org: Org | undefined): unknown;
//# sourceMappingURL=apiError.d.ts.map