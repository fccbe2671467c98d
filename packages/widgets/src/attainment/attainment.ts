import { html, type TemplateResult } from 'lit';
import {
  computeForecast,
  computePerformance,
  daysBetween,
  type FiscalPeriod,
  type OrgSnapshot,
  type Performance,
} from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { ArcElement, DoughnutController } from 'chart.js';
import { cssColor, registerChartParts } from '../shared/chart.js';
import { CORE_OBJECTS } from '../data/client.js';
import { SalesopsElement, type LoadContext } from '../shared/base.js';
import { attainmentStyles } from './attainment.styles.js';
import { figureList } from '../shared/figureList.js';

registerChartParts(ArcElement, DoughnutController);

/** What `<salesops-attainment>` shows for one rep and period. */
export interface AttainmentView {
  readonly repId: string;
  readonly name: string;
  readonly performance: Performance;
  readonly commit: number | null;
  readonly bestCase: number | null;
  readonly daysLeft: number;
  /** The stored scorecard's rank and percentile (SalesOps_Rep_Scorecard__c), when one was written. */
  readonly stored: {
    readonly rank: number | null;
    readonly percentile: number | null;
    readonly asOf: string | null;
  } | null;
}

/** The rep's live performance and commit/best-case forecast (null: nothing to show). */
function liveFigures(snapshot: OrgSnapshot, period: FiscalPeriod, asOf: string, userId: string) {
  const report = computePerformance(snapshot, { period, asOf });
  const rep = report.reps.find((r) => r.repId === userId);
  if (!rep || (rep.quota === null && rep.closedWon === 0 && rep.openDeals === 0)) return null;
  const forecast = computeForecast(snapshot, {
    period,
    asOf,
    scopes: [{ type: 'rep', id: rep.repId, name: rep.name }],
    methods: ['commit', 'bestCase'],
    backtest: false,
  }).scopes[0];
  return { rep, forecast };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

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
    let live: ReturnType<typeof liveFigures>;
    try {
      live = liveFigures(snapshot, period, asOf, userId);
    } catch (e) {
      await storedRead; // a failed read is the error shown, as when it was awaited first
      throw e;
    }
    const stored = await storedRead;
    if (live === null) return null;
    const { rep, forecast } = live;
    const row = stored[0];
    return {
      repId: rep.repId,
      name: rep.name,
      performance: rep,
      commit: forecast?.methods.commit?.forecast ?? null,
      bestCase: forecast?.methods.bestCase?.forecast ?? null,
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
