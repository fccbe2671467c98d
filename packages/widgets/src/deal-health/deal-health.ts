import { css, html, nothing, type TemplateResult } from 'lit';
import {
  dayNumber,
  dealFactsAsOf,
  pipelineHygiene,
  wonDealPatterns,
  type HygieneFlag,
  type OrgSnapshot,
} from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { MessageKey, Translate } from '../i18n/messages.js';
import { BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';
import { cssColor, registerChartParts } from '../shared/chart.js';
import { CORE_OBJECTS } from '../data/client.js';
import { SalesopsElement, type LoadContext } from '../shared/base.js';
import { figureList, type Figure } from '../shared/figureList.js';
import { headline } from '../shared/headline.js';

registerChartParts(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface DealHealthView {
  readonly opportunityId: string;
  readonly name: string;
  readonly stage: string;
  readonly isClosed: boolean;
  readonly isWon: boolean;
  readonly closeDate: string | null;
  /** The deal's amount in the corporate currency. */
  readonly amount: number | null;
  readonly flags: readonly HygieneFlag[];
  /** Close-date pushes (later close dates) in the deal's history up to the as-of date. */
  readonly pushes: number;
  readonly daysInStage: number | null;
  /** Median days won deals spent in this stage (wonDealPatterns). */
  readonly typicalDaysInStage: number | null;
  /** Share of closed deals that reached this stage and were won. */
  readonly winChance: number | null;
  readonly closedDealsAtStage: number;
}

/** Days in the current stage and close-date pushes, from the deal's history up to `asOf`. */
function stageAndPushes(snapshot: OrgSnapshot, opportunityId: string, asOf: string, stage: string) {
  const history = snapshot.historyByOpportunity.get(opportunityId);
  if (!history) return { daysInStage: null, pushes: 0 };
  const asOfDay = dayNumber(asOf);
  let entered: number | null = null;
  let previousStage: string | null = null;
  let previousClose: string | null = null;
  let pushes = 0;
  for (let i = 0; i < history.days.length && (history.days[i] as number) <= asOfDay; i++) {
    const stageName = history.table.stageName(history.first + i);
    if (stageName !== previousStage) {
      entered = history.days[i] as number;
      previousStage = stageName;
    }
    const close = history.table.closeDate(history.first + i);
    if (close !== null && previousClose !== null && close > previousClose) pushes++;
    if (close !== null) previousClose = close;
  }
  return { daysInStage: entered !== null && previousStage === stage ? asOfDay - entered : null, pushes };
}

/** Share of closed deals (as of the date) whose history reached `stage` that were won. */
function winChanceAtStage(snapshot: OrgSnapshot, asOf: string, stage: string) {
  const index = snapshot.stageOrder.findIndex((s) => s.MasterLabel === stage);
  if (index < 0) return { winChance: null, closed: 0 };
  let closed = 0;
  let won = 0;
  for (const fact of dealFactsAsOf(snapshot, asOf)) {
    if (!fact.isClosed || !fact.history) continue;
    if (!fact.history.stages.includes(index)) continue;
    closed++;
    if (fact.isWon) won++;
  }
  return { winChance: closed === 0 ? null : won / closed, closed };
}

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
  protected override readonly orgObjects = CORE_OBJECTS;

  protected override load({ snapshot, period, asOf, recordId }: LoadContext): DealHealthView | null {
    if (recordId === null) return null;
    const opportunity = snapshot.opportunitiesById.get(recordId);
    if (!opportunity) return null;
    const hygiene = pipelineHygiene(snapshot, { period, asOf });
    const deal = hygiene.deals.find((d) => d.opportunityId === opportunity.Id);
    const stage = deal?.stage ?? opportunity.StageName;
    const { daysInStage, pushes } = stageAndPushes(snapshot, opportunity.Id, asOf, stage);
    const { winChance, closed } = winChanceAtStage(snapshot, asOf, stage);
    const fact = dealFactsAsOf(snapshot, asOf).find((d) => d.opportunity.Id === opportunity.Id);
    return {
      opportunityId: opportunity.Id,
      name: opportunity.Name ?? opportunity.Id,
      stage,
      // As of the date (a deal reopened since shows as it stood then).
      isClosed: fact?.isClosed ?? opportunity.IsClosed,
      isWon: fact?.isWon ?? opportunity.IsWon,
      closeDate: opportunity.CloseDate,
      amount: fact?.amountCents == null ? null : fact.amountCents / 100,
      flags: deal?.flags ?? [],
      pushes,
      daysInStage,
      typicalDaysInStage: wonDealPatterns(snapshot, asOf).medianDaysInStage.get(stage) ?? null,
      winChance,
      closedDealsAtStage: closed,
    };
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
      ['win-chance', t('deal.winChanceLabel'), f.wholePercent(view.winChance)],
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
