import type { QueryConnection } from '@salesops/org/browser';
import { startFrameHeightSender } from './frameHeight.js';

/**
 * Starts a widget page without inline script (so a strict Content Security Policy holds): the Visualforce page puts
 * the values of its merge fields in `data-*` attributes of its `<salesops-provider data-salesops-page>`, and the
 * page's bundle calls `bootstrapPage` to build the jsforce connection from the session, pass the user, language,
 * locale and record to the provider and its element, and report the page's height to a hosting Lightning component.
 *
 * Attributes: `data-session-id` (`{!JSENCODE($Api.Session_ID)}`), `data-api-version`, `data-user-id`,
 * `data-language`, `data-locale`, `data-record-id`, and the App Builder properties `data-period`, `data-scope`,
 * `data-anonymise` (`1`/`true`); `data-embedded="1"` (inside the salesopsWidget card) hides the element's own header
 * through the pages' stylesheet (host/page.css). `data-instance-url` is for pages served outside Salesforce (tests); inside
 * Salesforce the API is called on the page's own Visualforce domain.
 */

/** The attribute that marks the provider a page bootstraps. */
export const PAGE_MARKER = 'data-salesops-page';

/** The jsforce `Connection` constructor (the bundle's query-path build). */
export type ConnectionConstructor = new (options: {
  accessToken: string;
  version: string;
  instanceUrl?: string;
}) => QueryConnection;

const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const API_VERSION = /^\d{2,3}\.0$/;
const DEFAULT_API_VERSION = '64.0';

/** A record id from the page URL, or null when the value is not one (the URL is user input). */
export function recordIdOf(value: string | undefined): string | null {
  return value !== undefined && RECORD_ID.test(value) ? value : null;
}

/** Salesforce LanguageLocaleKey (`zh_CN`) to an HTML `lang` (`zh-CN`). */
const htmlLang = (key: string) => key.replace(/_/g, '-');

/**
 * Configures the page's provider and its element; returns the provider (null when the page has none).
 *
 * @example
 * import { Connection } from 'jsforce'; // the query-path build
 * bootstrapPage(Connection);
 */
export function bootstrapPage(Connection: ConnectionConstructor, doc: Document = document): HTMLElement | null {
  const provider = doc.querySelector<HTMLElement>(`salesops-provider[${PAGE_MARKER}]`);
  if (!provider) return null;
  const data = provider.dataset;
  const element = provider.firstElementChild;
  const version = data.apiVersion && API_VERSION.test(data.apiVersion) ? data.apiVersion : DEFAULT_API_VERSION;
  if (data.sessionId) {
    (provider as HTMLElement & { connection?: QueryConnection }).connection = new Connection({
      accessToken: data.sessionId,
      version,
      ...(data.instanceUrl ? { instanceUrl: data.instanceUrl } : {}),
    });
  }
  if (data.userId) provider.setAttribute('user-id', data.userId);
  if (data.language) {
    provider.setAttribute('language', data.language);
    doc.documentElement.lang = htmlLang(data.language);
  }
  if (data.locale) provider.setAttribute('locale', data.locale);
  if (element) {
    const recordId = recordIdOf(data.recordId);
    if (recordId) element.setAttribute('record-id', recordId);
    if (data.period) element.setAttribute('period', data.period);
    if (data.scope) element.setAttribute('scope', data.scope);
    if (data.anonymise === '1' || data.anonymise === 'true') element.setAttribute('anonymize', '');
  }
  if (doc.defaultView) startFrameHeightSender(doc.defaultView);
  return provider;
}
