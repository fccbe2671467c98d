import { html, nothing, type TemplateResult } from 'lit';
import { daysBetween } from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { ArcElement, DoughnutController } from 'chart.js';
import { cssColor, registerChartParts } from '../shared/chart.js';
import { CORE_OBJECTS } from '../data/client.js';
import { SalesopsElement, type LoadContext } from '../shared/base.js';
import { figureList, type Figure } from '../shared/figureList.js';
import { headline } from '../shared/headline.js';
import { attainmentStyles } from './attainment.styles.js';
import { attainmentScope, pipelineToAdd, type AttainmentScope } from './attainmentScope.js';

registerChartParts(ArcElement, DoughnutController);

/** What `<salesops-attainment>` shows for one rep (or a manager's team, or the VP's org) and period. */
export interface AttainmentView extends AttainmentScope {
  readonly daysLeft: number;
  /** The stored scorecard's rank and percentile (SalesOps_Rep_Scorecard__c), when one was written. */
  readonly stored: {
    readonly rank: number | null;
    readonly percentile: number | null;
    readonly asOf: string | null;
  } | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * @summary A rep's attainment as one headline figure (closed won against quota, with a gauge), whether the rep is
 * on track, the pipeline still to add, commit, best case and days left. A manager sees their team's, the VP the
 * org's.
 *
 * @csspart base - the card
 * @csspart header - the card's header (icon and title)
 * @csspart title - the heading
 * @csspart headline - the headline figure and its words
 * @csspart body - the content; `data-state` is loading, empty, error, no-permission or ready
 * @cssproperty --salesops-color-brand - the gauge's filled part, the icon and focus rings
 * @cssproperty --salesops-color-graphic - the gauge's outline
 */
export class SalesopsAttainment extends SalesopsElement<AttainmentView> {
  static override styles = [...SalesopsElement.styles, attainmentStyles];
  protected readonly titleKey = 'attainmentTitle' as const;
  protected readonly icon = 'attainment' as const;
  protected override readonly orgObjects = CORE_OBJECTS;

  protected override async load({
    client,
    snapshot,
    period,
    asOf,
    userId,
  }: LoadContext): Promise<AttainmentView | null> {
    if (userId === null) return null;
    // The stored rank is read while the live figures are computed.
    const storedRead = client.storedResults({
      sobject: 'SalesOps_Rep_Scorecard__c',
      fields: ['Rank__c', 'Percentile__c', 'As_Of__c'],
      where: { Rep__c: userId, Period_Start__c: { date: period.start }, Period_End__c: { date: period.end } },
      orderBy: 'As_Of__c DESC',
      limit: 1,
    });
    let scope: AttainmentScope | null;
    try {
      scope = attainmentScope(snapshot, period, asOf, userId);
    } catch (e) {
      await storedRead; // a failed read is the error shown, as when it was awaited first
      throw e;
    }
    const stored = await storedRead;
    if (scope === null) return null;
    const row = scope.type === 'rep' ? stored[0] : undefined;
    return {
      ...scope,
      daysLeft: Math.max(daysBetween(asOf, period.end), 0),
      stored: row
        ? {
            rank: num(row['Rank__c']),
            percentile: num(row['Percentile__c']),
            asOf: typeof row['As_Of__c'] === 'string' ? row['As_Of__c'] : null,
          }
        : null,
    };
  }

  private summary(view: AttainmentView, t: Translate, f: Formatters): string {
    const p = view.performance;
    return t('attainment.summary', f.money(p.closedWon), f.money(p.quota), f.percent(p.attainment));
  }

  /** The plain-words lines under the headline: closed against quota, then on track / quota met. */
  private words(view: AttainmentView, t: Translate, f: Formatters): Array<string | null> {
    const p = view.performance;
    if (p.quota === null) return [t('attainment.noQuota', f.compactMoney(p.closedWon))];
    const done = p.remainingQuota === 0;
    return [
      t('attainment.closedOfQuota', f.compactMoney(p.closedWon), f.compactMoney(p.quota)),
      done ? t('attainment.quotaMet') : p.pace === null ? null : t('attainment.onTrack', f.wholePercent(p.pace)),
    ];
  }

  protected override renderView(view: AttainmentView, t: Translate, f: Formatters): TemplateResult {
    const p = view.performance;
    const toAdd = pipelineToAdd(p);
    const figures: Figure[] = [
      ['commit', t('commit'), f.compactMoney(view.commit)],
      ['best-case', t('bestCase'), f.compactMoney(view.bestCase)],
      ['open-pipeline', t('openPipeline'), f.compactMoney(p.openPipeline)],
    ];
    const scopeLine =
      view.type === 'team' ? t('attainment.team', view.name) : view.type === 'org' ? t('attainment.org') : null;
    const pipelineLine =
      toAdd === null
        ? nothing
        : html`<p class="advice" data-figure="pipeline-to-add">
            ${toAdd > 0 ? t('attainment.addPipeline', f.compactMoney(toAdd)) : t('attainment.enoughPipeline')}
          </p>`;
    const extras = [
      t('attainment.daysLeft', view.daysLeft),
      view.stored?.rank != null ? t('attainment.rank', view.stored.rank) : null,
    ].filter((x) => x !== null);
    return html`${scopeLine === null ? nothing : html`<p class="sub scope" data-scope=${view.type}>${scopeLine}</p>`}
      <div class="layout">
        <div class="gauge chart">
          <canvas role="img" aria-label=${this.summary(view, t, f)}></canvas>
        </div>
        <div>${headline('attainment', f.wholePercent(p.attainment), ...this.words(view, t, f))} ${pipelineLine}</div>
      </div>
      ${figureList(figures)}
      <p class="sub">${extras.join(' · ')}</p>
      ${view.stored?.asOf ? html`<p class="sub">${t('storedAsOf', f.date(view.stored.asOf))}</p>` : nothing}`;
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
            backgroundColor: [cssColor(this, '--_brand', '#0b5cab'), cssColor(this, '--_bg', '#ffffff')],
            // The outline (≥ 3:1) shows the gauge's extent; the filled part is the brand colour.
            borderColor: cssColor(this, '--_graphic', '#747474'),
            borderWidth: 1,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        rotation: -90,
        circumference: 180,
        cutout: '68%',
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
