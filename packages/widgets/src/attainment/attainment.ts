import { html, nothing, type TemplateResult } from 'lit';
import { daysBetween, pipelineToAdd } from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { ArcElement, DoughnutController } from 'chart.js';
import { cssColor, registerChartParts } from '../shared/chart.js';
import { SalesopsElement, type StoredLoad, type StoredLoadContext } from '../shared/base.js';
import { figureList, type Figure } from '../shared/figureList.js';
import { headline } from '../shared/headline.js';
import { attainmentStyles } from './attainment.styles.js';
import { readAttainmentScope, type AttainmentScope } from './attainmentScope.js';

registerChartParts(ArcElement, DoughnutController);

/** What `<salesops-attainment>` shows for one rep (or a manager's team, or the VP's org) and period. */
export interface AttainmentView extends AttainmentScope {
  readonly daysLeft: number;
  /** The date the CLI computed the stored figures as of. */
  readonly storedAsOf: string;
}

/**
 * @summary A rep's attainment as one headline figure (closed won against quota, with a gauge), whether the rep is
 * on track, the pipeline still to add, commit, best case and days left, from the rep's stored scorecard. A manager
 * sees their team's stored forecast figures, the VP the org's.
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
  protected override readonly storedCommand = 'sf salesops reps compare --write';

  /** The viewer's stored figures (`readAttainmentScope`): the CLI's, at most 3 requests. */
  protected override async loadStored({
    client,
    periodSpec,
    asOf,
    userId,
  }: StoredLoadContext): Promise<StoredLoad<AttainmentView>> {
    if (userId === null) return { view: null, period: null, emptyReason: 'no-data' };
    const read = await readAttainmentScope(client, periodSpec, asOf, userId);
    if (read.scope === null) return { view: null, period: null, command: read.command };
    const { scope, period } = read;
    const view: AttainmentView = {
      ...scope,
      daysLeft: Math.max(daysBetween(asOf, period.end), 0),
      storedAsOf: period.asOf,
    };
    return { view, period };
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
      done ? t('attainment.quotaMet') : p.pace === null ? null : t('attainment.onTrack', f.percent(p.pace)),
    ];
  }

  protected override renderView(view: AttainmentView, t: Translate, f: Formatters): TemplateResult {
    const p = view.performance;
    const toAdd = pipelineToAdd(p);
    const figures: Figure[] = [
      ['commit', t('commit'), f.compactMoney(view.commit)],
      ['best-case', t('bestCase'), f.compactMoney(view.bestCase)],
    ];
    if (p.openPipeline !== null) figures.push(['open-pipeline', t('openPipeline'), f.compactMoney(p.openPipeline)]);
    const scopeLine =
      view.type === 'team' ? t('attainment.team', view.name ?? '') : view.type === 'org' ? t('attainment.org') : null;
    const pipelineLine =
      view.paceCommand !== null
        ? html`<p class="sub" data-missing="pace">${t('attainment.paceNotStored', view.paceCommand)}</p>`
        : toAdd === null
          ? nothing
          : html`<p class="advice" data-figure="pipeline-to-add">
              ${toAdd > 0 ? t('attainment.addPipeline', f.compactMoney(toAdd)) : t('attainment.enoughPipeline')}
            </p>`;
    const extras = [
      t('attainment.daysLeft', view.daysLeft),
      view.rank !== null ? t('attainment.rank', view.rank) : null,
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
      <p class="sub">${t('storedAsOf', f.date(view.storedAsOf))}</p>`;
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
