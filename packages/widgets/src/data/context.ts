import { createContext } from '@lit/context';
import type { FiscalCalendar } from '@salesops/core';
import type { WidgetLanguage } from '../i18n/messages.js';
import type { SalesopsClient } from './client.js';

/** Shared, per-page settings the provider derives from the Salesforce user. */
export interface WidgetSettings {
  readonly language: WidgetLanguage;
  /** `Intl` locale (from the user's LocaleSidKey). */
  readonly locale: string;
  /** Display currency; null: the org's corporate currency. */
  readonly currency: string | null;
  /** The viewing user (Salesforce User Id). */
  readonly userId: string | null;
  /** The date figures are computed as of (YYYY-MM-DD); null: today in the org's time zone. */
  readonly asOf: string | null;
  /** A fiscal calendar overriding the org's (null: the org's, from Organization, FiscalYearSettings and Period). */
  readonly calendar: FiscalCalendar | null;
}

export const clientContext = createContext<SalesopsClient | undefined>(Symbol('salesops-client'));
export const settingsContext = createContext<WidgetSettings | undefined>(Symbol('salesops-settings'));
