import { Messages, SfError } from '@salesforce/core';
import { BulkJobError, BulkQueryError, isLimitExceeded, isSessionExpired, isTransient, SessionExpiredError, } from '@salesops/org';
Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'shared');
/** The org session ended: say so, with how to log in again (as `actions`). */
export function sessionExpiredError(cause) {
    return new SfError(messages.getMessage('error.SessionExpired'), 'SessionExpired', messages.getMessages('error.SessionExpired.actions'), 1, cause);
}
/**
 * An API failure as the user should see it: an expired session says how to log in again, a used-up allowance says
 * how much was used and what to do, a connection the org kept closing or 5xx answers that outlasted the retries say
 * so; a Bulk API 2.0 job that failed, was aborted or timed out names the job and the org's reason; anything else is
 * passed on unchanged.
 */
export function apiError(e, org) {
    if (e instanceof SfError)
        return e;
    if (e instanceof SessionExpiredError || isSessionExpired(e))
        return sessionExpiredError(e);
    if (isLimitExceeded(e)) {
        const usage = org?.getConnection()
            ?.limitInfo?.apiUsage;
        return messages.createError('error.ApiLimit', [usage ? `${usage.used} of ${usage.limit}` : 'all']);
    }
    if (e instanceof BulkQueryError || e instanceof BulkJobError) {
        const reason = e.orgMessage || messages.getMessage('error.NoOrgMessage');
        return new SfError(messages.getMessage(`error.${e.code}`, [e.jobId, reason]), e.code, messages.getMessages(`error.${e.code}.actions`), 1, e);
    }
    if (isTransient(e)) {
        const detail = e instanceof Error ? e.message : String(e);
        return messages.createError('error.Unavailable', [org?.getConnection().instanceUrl ?? 'the org', detail]);
    }
    return e;
}
//# sourceMappingURL=apiError.js.map