import { SessionExpiredError } from '@salesops/org/browser';
import { isPermissionError } from '../data/client.js';

/**
 * Why an element shows its error or no-permission state, as a code its catalogue translates (never the server's
 * English text), with the permission set that fixes it when one does.
 */
export type WidgetErrorCode =
  'apiDisabled' | 'apiDisabledForOrg' | 'noPermission' | 'sessionExpired' | 'noClient' | 'failed';

export interface WidgetError {
  readonly code: WidgetErrorCode;
  /** The permission set an admin assigns to fix it (grants the result objects, the pages and API Enabled). */
  readonly permissionSet: string | null;
}

/** The permission set the widgets' readers need (force-app/main/default/permissionsets/SalesOps_Rep). */
export const WIDGET_PERMISSION_SET = 'SalesOps_Rep';

/** The element has no data source (no `salesops-provider` with a client around it). */
export class MissingClientError extends Error {
  override readonly name = 'MissingClientError';
}

const errorCodeOf = (e: unknown): unknown => (e as { errorCode?: unknown } | null)?.errorCode;

/**
 * The code of a failed load. `API_CURRENTLY_DISABLED`: the user's profile lacks API Enabled, which the SalesOps_Rep
 * permission set grants; `API_DISABLED_FOR_ORG`: the org's edition has no API, nothing a permission set changes.
 *
 * @example
 * widgetErrorOf({ errorCode: 'API_CURRENTLY_DISABLED' }); // { code: 'apiDisabled', permissionSet: 'SalesOps_Rep' }
 */
export function widgetErrorOf(error: unknown): WidgetError {
  if (error instanceof MissingClientError) return { code: 'noClient', permissionSet: null };
  if (error instanceof SessionExpiredError) return { code: 'sessionExpired', permissionSet: null };
  const code = errorCodeOf(error);
  if (code === 'API_CURRENTLY_DISABLED') return { code: 'apiDisabled', permissionSet: WIDGET_PERMISSION_SET };
  if (code === 'API_DISABLED_FOR_ORG') return { code: 'apiDisabledForOrg', permissionSet: null };
  if (isPermissionError(error)) return { code: 'noPermission', permissionSet: WIDGET_PERMISSION_SET };
  return { code: 'failed', permissionSet: null };
}
