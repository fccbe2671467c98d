import { html, type TemplateResult } from 'lit';
import { daysBetween } from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { cssColor } from '../shared/chart.js';
import {
  PERIOD_FIELDS,
  PERIOD_ORDER,
  periodWhere,
  samePeriodWhere,
  storedNumber,
  storedPeriodOf,
} from '../data/storedPeriod.js';
import { SalesopsElement, type StoredLoad, type StoredLoadContext } from '../shared/base.js';
import { attainmentStyles } from './attainment.styles.js';
import { figureList } from '../shared/figureList.js';

/** A rep's figures for one period, as `reps compare --write` stored them on the rep's scorecard. */
export interface AttainmentFigures {
  readonly quota: number | null;
  readonly closedWon: number;
  readonly attainment: number | null;
  readonly pace: number | null;
  readonly coverage: number | null;
  readonly requiredCoverage: number | null;
}

/** What `<salesops-attainment>` shows for one rep and period. */
export interface AttainmentView {
  readonly repId: string;
  readonly performance: AttainmentFigures;
  /** From the rep's stored forecast (SalesOps_Forecast__c), when `forecast --group-by rep --write` ran. */
  readonly commit: number | null;
  readonly bestCase: number | null;
  readonly daysLeft: number;
  /** The stored scorecard's rank and percentile and the date it was computed as of. */
  readonly stored: {
    readonly rank: number | null;
    readonly percentile: number | null;
    readonly asOf: string | null;
  } | null;
}

/**
 * @summary A rep's quota, closed won, attainment gauge, pace, commit and best case, coverage against the coverage
 * still needed, and days left in the period.
 *
 * @csspart base - the card
 * @csspart title - the heading
 * @csspart body - the content; `data-state` is loading, empty, error, no-permission or ready
 * @cssproperty --salesops-color-brand - the gauge's filled part and focus rings
 * @cssproperty --salesops-color-border - card border and the gauge's empty part
 */
export class SalesopsAttainment extends SalesopsElement<AttainmentView> {
  static override styles = [...SalesopsElement.styles, attainmentStyles];
  protected readonly titleKey = 'attainmentTitle' as const;
  protected override readonly storedCommand = 'sf salesops reps compare --write';

  /**
   * The rep's own scorecard (readable by the rep who owns it, and their managers) and, with it, the commit and best
   * case of the rep's stored forecast: the CLI's figures, 2 requests.
   */
  protected override async loadStored({
    client,
    periodSpec,
    asOf,
    userId,
  }: StoredLoadContext): Promise<StoredLoad<AttainmentView>> {
    if (userId === null) return { view: null, period: null, emptyReason: 'no-data' };
    const [card] = await client.storedResults({
      sobject: 'SalesOps_Rep_Scorecard__c',
      fields: [
        ...PERIOD_FIELDS,
        'Quota__c',
        'Closed_Won__c',
        'Attainment__c',
        'Pace__c',
        'Coverage__c',
        'Required_Coverage__c',
        'Rank__c',
        'Percentile__c',
      ],
      where: { ...periodWhere(periodSpec, asOf), Rep__c: userId },
      orderBy: PERIOD_ORDER,
      limit: 1,
    });
    const period = storedPeriodOf(card);
    if (!card || period === null) return { view: null, period: null };
    const [forecast] = await client.storedResults({
      sobject: 'SalesOps_Forecast__c',
      fields: ['Commit__c', 'Best_Case__c'],
      where: { ...samePeriodWhere(period), Scope_Type__c: 'Rep', Scope_Id__c: userId, Method__c: 'auto' },
      limit: 1,
    });
    const view: AttainmentView = {
      repId: userId,
      performance: {
        quota: storedNumber(card['Quota__c']),
        closedWon: storedNumber(card['Closed_Won__c']) ?? 0,
        attainment: storedNumber(card['Attainment__c']),
        pace: storedNumber(card['Pace__c']),
        coverage: storedNumber(card['Coverage__c']),
        requiredCoverage: storedNumber(card['Required_Coverage__c']),
      },
      commit: storedNumber(forecast?.['Commit__c']),
      bestCase: storedNumber(forecast?.['Best_Case__c']),
      daysLeft: Math.max(daysBetween(asOf, period.end), 0),
      stored: {
        rank: storedNumber(card['Rank__c']),
        percentile: storedNumber(card['Percentile__c']),
        asOf: period.asOf,
      },
    };
    return { view, period };
  }

  private summary(view: AttainmentView, t: Translate, f: Formatters): string {
    const p = view.performance;
    return t('attainmentSummary', f.money(p.closedWon), f.money(p.quota), f.percent(p.attainment));
  }

  protected override renderView(view: AttainmentView, t: Translate, f: Formatters): TemplateResult {
    const p = view.performance;
    const figures: Array<[string, string, string]> = [
      ['quota', t('quota'), f.money(p.quota)],
      ['closed-won', t('closedWon'), f.money(p.closedWon)],
      ['attainment', t('attainment'), f.percent(p.attainment)],
      ['pace', t('pace'), f.percent(p.pace)],
      ['commit', t('commit'), f.money(view.commit)],
      ['best-case', t('bestCase'), f.money(view.bestCase)],
      ['coverage', t('coverage'), f.multiple(p.coverage)],
      ['required-coverage', t('requiredCoverage'), f.multiple(p.requiredCoverage)],
      ['days-left', t('daysLeft'), f.integer(view.daysLeft)],
    ];
    if (view.stored?.rank != null) figures.push(['rank', t('rank'), f.integer(view.stored.rank)]);
    return html`<div class="layout">
        <div class="gauge chart">
          <canvas role="img" aria-label=${this.summary(view, t, f)}></canvas>
          <span class="gauge-value" aria-hidden="true">${f.percent(p.attainment)}</span>
        </div>
        ${figureList(figures)}
      </div>
      ${view.stored?.asOf ? html`<p class="sub">${t('storedAsOf', f.date(view.stored.asOf))}</p>` : ''}`;
  }

  protected override drawChart(view: AttainmentView): void {
    const attainment = Math.max(view.performance.attainment ?? 0, 0);
    const filled = Math.min(attainment, 1);
    this.chartController.render(this.renderRoot.querySelector('canvas'), {
      type: 'doughnut',
      data: {
        datasets: [
          {
            data: [filled, 1 - filled],
            backgroundColor: [cssColor(this, '--_brand', '#0b5cab'), cssColor(this, '--_border', '#c9c9c9')],
            borderWidth: 0,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        rotation: -90,
        circumference: 180,
        cutout: '70%',
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
      },
    });
  }
}

customElements.define('salesops-attainment', SalesopsAttainment);

declare global {
  interface HTMLElementTagNameMap {
    'salesops-attainment': SalesopsAttainment;
  }
}
