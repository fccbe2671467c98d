import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { FiscalCalendar } from '@salesops/core';
import type { QueryConnection } from '@salesops/org/browser';
import { createConnectionClient, type SalesopsClient } from '../data/client.js';
import { clientContext, settingsContext, type WidgetSettings } from '../data/context.js';
import { intlLocaleOf, languageOf } from '../i18n/messages.js';

/**
 * @summary Supplies the salesops elements inside it with a data client, the fiscal calendar, the currency and the
 * user's language and locale (through `@lit/context`).
 *
 * Set `connection` (a jsforce `Connection`) or `client` (any `SalesopsClient`, e.g. fixtures). `language` takes the
 * Salesforce `LanguageLocaleKey` (`de`, `ja`, `zh_CN`, `zh_TW`, `en_US`), `locale` the `LocaleSidKey` (`de_DE`).
 *
 * @slot - the elements that use the data
 */
export class SalesopsProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties: PropertyDeclarations = {
    connection: { attribute: false },
    client: { attribute: false },
    calendar: { attribute: false },
    language: {},
    locale: {},
    currency: {},
    userId: { attribute: 'user-id' },
    asOf: { attribute: 'as-of' },
  };

  /** A jsforce Connection (browser build); a client over it is created and shared. */
  declare connection: QueryConnection | undefined;
  /** A data client (overrides `connection`). */
  declare client: SalesopsClient | undefined;
  /** A fiscal calendar overriding the org's. */
  declare calendar: FiscalCalendar | undefined;
  /** Salesforce LanguageLocaleKey of the user. */
  declare language: string | null;
  /** Salesforce LocaleSidKey of the user (numbers, currencies and dates). */
  declare locale: string | null;
  /** Display currency (ISO code); default: the org's corporate currency. */
  declare currency: string | null;
  /** The viewing user's Id. */
  declare userId: string | null;
  /** Date the figures are computed as of (YYYY-MM-DD); default: today in the org's time zone. */
  declare asOf: string | null;

  private connectionClient: { connection: QueryConnection; client: SalesopsClient } | undefined;
  private readonly clientProvider = new ContextProvider(this, { context: clientContext });
  private readonly settingsProvider = new ContextProvider(this, { context: settingsContext });

  constructor() {
    super();
    this.connection = undefined;
    this.client = undefined;
    this.calendar = undefined;
    this.language = null;
    this.locale = null;
    this.currency = null;
    this.userId = null;
    this.asOf = null;
  }

  /** The client the elements get. */
  get effectiveClient(): SalesopsClient | undefined {
    if (this.client) return this.client;
    if (!this.connection) return undefined;
    if (this.connectionClient?.connection !== this.connection) {
      this.connectionClient = { connection: this.connection, client: createConnectionClient(this.connection) };
    }
    return this.connectionClient.client;
  }

  /** The settings the elements get. */
  get settings(): WidgetSettings {
    const language = languageOf(this.language);
    return {
      language,
      locale: intlLocaleOf(this.locale ?? this.language, language),
      currency: this.currency || null,
      userId: this.userId || null,
      asOf: this.asOf || null,
      calendar: this.calendar ?? null,
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client') || changed.has('connection') || !this.hasUpdated) {
      this.clientProvider.setValue(this.effectiveClient);
    }
    this.settingsProvider.setValue(this.settings);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

customElements.define('salesops-provider', SalesopsProvider);

declare global {
  interface HTMLElementTagNameMap {
    'salesops-provider': SalesopsProvider;
  }
}
