import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { createLocalDateOf, type FiscalPeriod } from '@salesops/core';
import { isPermissionError, type SalesopsClient } from '../data/client.js';
import { clientContext, settingsContext, type WidgetSettings } from '../data/context.js';
import type { StoredPeriod } from '../data/storedPeriod.js';
import { createFormatters, type Formatters } from '../i18n/format.js';
import { translator, type MessageKey, type Translate } from '../i18n/messages.js';
import { ChartController } from './chart.js';
import { errorMessage, MissingClientError } from './errorText.js';
import { cardIcon, type CardIcon } from './icons.js';
import { baseStyles } from './styles.js';

export { MissingClientError } from './errorText.js';

/** What an element's `loadStored` gets: the client, the period as the page asks for it, the date and ids. */
export interface StoredLoadContext {
  readonly client: SalesopsClient;
  /** The element's `period` (`current` or a period label). */
  readonly periodSpec: string;
  /** The page's as-of date (default: today): the latest stored run on or before it is shown. */
  readonly asOf: string;
  readonly userId: string | null;
  readonly recordId: string | null;
}

/** A stored view and the stored period it is of (null period: nothing was stored, the "not written" state). */
export interface StoredLoad<V> {
  readonly view: V | null;
  readonly period: StoredPeriod | null;
  /** Why the view is empty (default: `not-written` without a period, else `no-data`). */
  readonly emptyReason?: EmptyReason;
  /** The command that writes the missing results (default: the element's `storedCommand`). */
  readonly command?: string;
}

/** Why an element is empty: nothing for this period, or no results were stored yet (ask the admin to schedule). */
export type EmptyReason = 'no-data' | 'not-written';

/** A loaded view: the element's model (null: the empty state) and what the figures are formatted with. */
interface Loaded<V> {
  readonly view: V | null;
  readonly currency: string;
  /** Multiplier from corporate amounts to the display currency. */
  readonly rate: number;
  readonly period: Pick<FiscalPeriod, 'label' | 'start' | 'end'>;
  readonly asOf: string;
  readonly emptyReason: EmptyReason;
  /** The command the not-written state names. */
  readonly command: string | null;
}

/** The states every element shows, exposed as `data-state` on the body part for styling and tests. */
export type WidgetState = 'loading' | 'empty' | 'error' | 'no-permission' | 'ready';

/**
 * Base of the salesops elements: consumes the client and settings from `salesops-provider`, loads with `@lit/task`
 * whenever an input changes, and renders the loading, empty, error, no-permission and ready states.
 */
export abstract class SalesopsElement<V> extends LitElement {
  static override styles = [baseStyles];

  static override properties: PropertyDeclarations = {
    userId: { attribute: 'user-id' },
    recordId: { attribute: 'record-id' },
    period: {},
    asOf: { attribute: 'as-of' },
    client: { attribute: false },
  };

  /** The rep (User Id) the figures are for; default: the provider's viewing user. */
  declare userId: string | null;
  /** The Salesforce record the element is placed on (Account, Opportunity, Territory2 …). */
  declare recordId: string | null;
  /** Fiscal period: `current` (default), `previous`, `next`, `FY2026`, `FY2026-Q4`, `FY2026-M11` or a date range. */
  declare period: string;
  /** Date the figures are computed as of (YYYY-MM-DD); default: the provider's, else today in the org's time zone. */
  declare asOf: string | null;
  /** A data client set directly (overrides the provider's). */
  declare client: SalesopsClient | undefined;

  private readonly clientConsumer = new ContextConsumer(this, { context: clientContext, subscribe: true });
  private readonly settingsConsumer = new ContextConsumer(this, { context: settingsContext, subscribe: true });
  protected readonly chartController = new ChartController(this);

  /** Heading of the element (a message key). */
  protected abstract readonly titleKey: MessageKey;
  /** The icon in the card's header. */
  protected abstract readonly icon: CardIcon;

  /** The CLI command that writes the element's stored results (the "not written yet" state names it). */
  protected abstract readonly storedCommand: string;

  protected readonly task = new Task(this, {
    task: async ([client, settings, userId, recordId, period, asOf, ...extra]: readonly unknown[]): Promise<
      Loaded<V>
    > => {
      void extra;
      if (!client) throw new MissingClientError();
      const c = client as SalesopsClient;
      const s = settings as WidgetSettings | undefined;
      const day = (asOf as string | null) ?? s?.asOf ?? createLocalDateOf('UTC')(new Date().toISOString());
      const spec = (period as string | null) || 'current';
      const stored = await this.loadStored({
        client: c,
        periodSpec: spec,
        asOf: day,
        userId: (userId as string | null) ?? s?.userId ?? null,
        recordId: recordId as string | null,
      });
      // Stored amounts are in the currency the CLI wrote (the corporate currency): shown as stored, never converted.
      return {
        view: stored.view,
        currency: stored.period?.currency ?? s?.currency ?? 'USD',
        rate: 1,
        period: stored.period ?? { label: spec, start: day, end: day },
        asOf: stored.period?.asOf ?? day,
        emptyReason: stored.emptyReason ?? (stored.period === null ? 'not-written' : 'no-data'),
        command: stored.command ?? this.storedCommand,
      };
    },
    args: () => [
      this.client ?? this.clientConsumer.value,
      this.settingsConsumer.value,
      this.userId,
      this.recordId,
      this.period,
      this.asOf,
      ...this.extraArgs(),
    ],
  });

  constructor() {
    super();
    this.userId = null;
    this.recordId = null;
    this.period = 'current';
    this.asOf = null;
    this.client = undefined;
  }

  /** Further inputs that reload the element when they change. */
  protected extraArgs(): readonly unknown[] {
    return [];
  }

  /** Reads the element's view from the stored results (and, for deal health, the deal itself). */
  protected abstract loadStored(context: StoredLoadContext): Promise<StoredLoad<V>>;

  /** Why the element is empty (when its state is `empty`). */
  get emptyReason(): EmptyReason | null {
    return this.state === 'empty' ? (this.task.value?.emptyReason ?? 'no-data') : null;
  }

  /** Renders the ready state. */
  protected abstract renderView(view: V, t: Translate, f: Formatters): TemplateResult;

  /** Draws (or updates) the element's chart after a ready render. */
  protected drawChart(view: V, t: Translate, f: Formatters): void {
    void view;
    void t;
    void f;
  }

  /** The current state (loading, empty, error, no-permission, ready). */
  get state(): WidgetState {
    switch (this.task.status) {
      case TaskStatus.COMPLETE:
        return this.task.value?.view === null ? 'empty' : 'ready';
      case TaskStatus.ERROR:
        return isPermissionError(this.task.error) ? 'no-permission' : 'error';
      default:
        return 'loading';
    }
  }

  /** The chart.js chart while one is shown (for tests and tooling). */
  get chart() {
    return this.chartController.chart;
  }

  /** Resolves when the current load has finished (successfully or not) and the result is rendered. */
  async loaded(): Promise<void> {
    try {
      await this.task.taskComplete;
    } catch {
      // the error state is rendered
    }
    await this.updateComplete;
  }

  protected get t(): Translate {
    const settings = this.settingsConsumer.value;
    return translator(settings?.language ?? 'en', settings?.locale);
  }

  private formatters(loaded: Loaded<V>): Formatters {
    const locale = this.settingsConsumer.value?.locale ?? 'en-US';
    return createFormatters(locale, loaded.currency, loaded.rate);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A chart destroyed on disconnect is drawn again when the element comes back.
    if (this.hasUpdated) this.requestUpdate();
  }

  override render(): TemplateResult {
    const t = this.t;
    const state = this.state;
    const loaded = this.task.value;
    const body = (): TemplateResult | typeof nothing => {
      switch (state) {
        case 'loading':
          return html`<p class="state loading" role="status">${t('loading')}</p>`;
        case 'no-permission':
          return html`<p class="state no-permission" role="alert">${t('noPermission')}</p>`;
        case 'error': {
          const [key, ...values] = errorMessage(this.task.error);
          return html`<p class="state error" role="alert">${t(key, ...values)}</p>
            <button type="button" @click=${() => void this.task.run()}>${t('retry')}</button>`;
        }
        case 'empty':
          return this.emptyReason === 'not-written'
            ? html`<p class="state empty" data-reason="not-written">${t('notWritten', loaded?.command ?? '')}</p>`
            : html`<p class="state empty" data-reason="no-data">${t('empty')}</p>`;
        default:
          return loaded?.view != null ? this.renderView(loaded.view, t, this.formatters(loaded)) : nothing;
      }
    };
    const footer =
      loaded && state !== 'loading'
        ? html`<p class="sub footer" part="footer">
            ${t('period', loaded.period.label, this.formatters(loaded).date(loaded.asOf))}
          </p>`
        : nothing;
    const language = this.settingsConsumer.value?.language ?? 'en';
    return html`<article part="base" class="card" lang=${language} aria-busy=${state === 'loading' ? 'true' : 'false'}>
      <header class="card-header" part="header">
        <span class="card-icon" part="icon">${cardIcon(this.icon)}</span>
        <h2 part="title">${t(this.titleKey)}</h2>
      </header>
      <div part="body" class="card-body" data-state=${state}>${body()}</div>
      ${footer}
    </article>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const loaded = this.task.value;
    if (this.state === 'ready' && loaded?.view != null && this.isConnected) {
      this.drawChart(loaded.view, this.t, this.formatters(loaded));
    } else {
      this.chartController.destroy();
    }
  }
}
