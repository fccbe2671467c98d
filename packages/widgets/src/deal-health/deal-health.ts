import { css, html, nothing, type TemplateResult } from 'lit';
import type { DealHealth, HygieneFlag } from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { MessageKey, Translate } from '../i18n/messages.js';
import { BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';
import { cssColor, registerChartParts } from '../shared/chart.js';
import { SalesopsElement, type StoredLoad, type StoredLoadContext } from '../shared/base.js';
import { figureList, type Figure } from '../shared/figureList.js';
import { headline } from '../shared/headline.js';
import { readDealHealth, readStoredBenchmarks } from './dealHealthRead.js';

registerChartParts(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** What `<salesops-deal-health>` shows: the deal as of the date against the stored org-wide stage benchmarks. */
export type DealHealthView = DealHealth;

/**
 * @summary One open deal's things to check (hygiene flags) as the headline, its time in its stage against what won
 * deals typically spend there, close-date pushes and how often deals were won from its stage; a closed deal shows
 * that it closed, won or lost, and when. Place it on an Opportunity page (`record-id`).
 *
 * @csspart base - the card
 * @csspart header - the card's header (icon and title)
 * @csspart title - the heading
 * @csspart headline - the headline figure and its words
 * @csspart body - the content; `data-state` is loading, empty, error, no-permission or ready
 * @cssproperty --salesops-color-warning - flags
 */
export class SalesopsDealHealth extends SalesopsElement<DealHealthView> {
  static override styles = [
    ...SalesopsElement.styles,
    css`
      .chart {
        height: var(--salesops-chart-height, 6rem);
      }
      ul.flags li {
        color: var(--_warning);
      }
      .healthy {
        color: var(--_success);
      }
    `,
  ];

  protected readonly titleKey = 'dealHealthTitle' as const;
  protected readonly icon = 'deal' as const;
  protected override readonly storedCommand = 'sf salesops pipeline hygiene --write';

  /**
   * The deal and its history, live (only this deal: the viewer sees their own deal as it stands), weighed against the
   * stage benchmarks the CLI stored with full visibility, so every viewer sees the same typical days, win chance and
   * flags. At most 3 requests: the benchmarks, then the deal and its history side by side.
   */
  protected override async loadStored({
    client,
    periodSpec,
    asOf,
    recordId,
  }: StoredLoadContext): Promise<StoredLoad<DealHealthView>> {
    if (recordId === null) return { view: null, period: null, emptyReason: 'no-data' };
    const stored = await readStoredBenchmarks(client, periodSpec, asOf);
    if (stored === null) return { view: null, period: null };
    const view = await readDealHealth(client, stored, recordId, asOf);
    // The deal's amounts are in its own currency.
    return { view, period: { ...stored.period, currency: view?.currency ?? stored.period.currency } };
  }

  private flagText(flag: HygieneFlag, t: Translate, f: Formatters): string {
    const key = `flag.${flag.rule}` as MessageKey;
    switch (flag.rule) {
      case 'PAST_CLOSE_DATE':
        return t(key, flag.daysPast);
      case 'PUSHED':
        return t(key, flag.pushes);
      case 'STALE_STAGE':
        return t(key, flag.stage, f.integer(flag.days), f.integer(flag.wonMedianDays));
      case 'PROBABILITY_MISMATCH':
        return t(key, f.integer(flag.probability), f.integer(flag.stageDefault));
      case 'COMMIT_TOO_EARLY':
        return t(key, flag.stage);
      case 'AMOUNT_DROPPED':
        return t(key, f.money(flag.from), f.money(flag.to));
      case 'OWNER_INACTIVE':
        return t(key, flag.owner);
      default:
        return t(key);
    }
  }

  private summary(view: DealHealthView, t: Translate, f: Formatters): string {
    return t(
      'deal.summary',
      view.daysInStage ?? 0,
      view.stage,
      f.integer(view.typicalDaysInStage),
      f.integer(view.flags.length),
    );
  }

  protected override renderView(view: DealHealthView, t: Translate, f: Formatters): TemplateResult {
    const name = html`<p class="sub" data-deal>${view.name}</p>`;
    if (view.isClosed) {
      // A closed deal has no time in stage or win chance to weigh: say how and when it closed.
      const closed = t(view.isWon ? 'deal.closedWon' : 'deal.closedLost', f.date(view.closeDate));
      return html`${name} ${headline('status', f.compactMoney(view.amount), closed)}`;
    }
    const figures: Figure[] = [
      ['stage', t('deal.stage'), view.stage],
      ['pushes', t('deal.pushesLabel'), f.integer(view.pushes)],
      ['win-chance', t('deal.winChanceLabel'), f.percent(view.winChance)],
    ];
    const toCheck = view.flags.length === 0 ? t('deal.healthy') : t('deal.toCheck', view.flags.length);
    return html`${name}
      ${headline(
        'to-check',
        toCheck,
        view.daysInStage === null ? null : t('deal.inStage', view.daysInStage, view.stage),
        view.typicalDaysInStage === null ? null : t('deal.typical', view.typicalDaysInStage),
      )}
      ${figureList(figures)}
      <div class="chart"><canvas role="img" aria-label=${this.summary(view, t, f)}></canvas></div>
      ${
        view.flags.length === 0
          ? nothing
          : html`<ul class="list flags">
              ${view.flags.map((flag) => html`<li data-flag=${flag.rule}>${this.flagText(flag, t, f)}</li>`)}
            </ul>`
      }`;
  }

  protected override drawChart(view: DealHealthView, t: Translate): void {
    const text = cssColor(this, '--_text', '#181818');
    this.chartController.render(this.renderRoot.querySelector('canvas'), {
      type: 'bar',
      data: {
        labels: [t('deal.thisDeal'), t('deal.typicalBar')],
        datasets: [
          {
            label: view.stage,
            data: [view.daysInStage ?? 0, view.typicalDaysInStage ?? 0],
            backgroundColor: [cssColor(this, '--_brand', '#0b5cab'), cssColor(this, '--_graphic', '#747474')],
          },
        ],
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => t('days', item.raw as number) } },
        },
        scales: { x: { beginAtZero: true, ticks: { color: text } }, y: { ticks: { color: text } } },
      },
    });
  }
}

customElements.define('salesops-deal-health', SalesopsDealHealth);

declare global {
  interface HTMLElementTagNameMap {
    'salesops-deal-health': SalesopsDealHealth;
  }
}
