import { css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import {
  addDays,
  COVERAGE_ACTIVITY_DAYS,
  dealFactsAsOf,
  territoryAssignment,
  territoryCoverage,
  type TerritoryCoverage,
} from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { ArcElement, DoughnutController, Tooltip } from 'chart.js';
import { cssColor, hatchPattern, registerChartParts } from '../shared/chart.js';
import { CORE_OBJECTS, TERRITORY_OBJECTS } from '../data/client.js';
import { SalesopsElement, type LoadContext } from '../shared/base.js';
import { figureList, type Figure } from '../shared/figureList.js';
import { headline } from '../shared/headline.js';

registerChartParts(ArcElement, DoughnutController, Tooltip);

export interface TerritoryCoverageView {
  readonly territory: TerritoryCoverage;
  /** The territory's whitespace accounts (no open deal, no activity in the last 90 days), by potential. */
  readonly whitespace: ReadonlyArray<{ readonly id: string; readonly name: string; readonly potential: number | null }>;
}

/**
 * @summary A territory's coverage ratio as the headline, covered and whitespace accounts (a labelled, patterned
 * chart and the list), reps and potential. On an Account page it shows the account's territory; on a territory page
 * (or with `territory-id`) that territory.
 *
 * @csspart base - the card
 * @csspart header - the card's header (icon and title)
 * @csspart title - the heading
 * @csspart headline - the headline figure and its words
 * @csspart body - the content; `data-state` is loading, empty, error, no-permission or ready
 * @cssproperty --salesops-color-brand - covered accounts (solid)
 * @cssproperty --salesops-color-warning - whitespace accounts (hatched)
 */
export class SalesopsTerritoryCoverage extends SalesopsElement<TerritoryCoverageView> {
  static override styles = [
    ...SalesopsElement.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(7rem, 10rem) minmax(0, 1fr);
        gap: var(--_space);
        align-items: center;
        margin-bottom: calc(var(--_space) * 0.75);
      }
      .chart {
        height: var(--salesops-chart-height, 9rem);
      }
      ul.legend {
        margin: 0.25rem 0;
        padding: 0;
        list-style: none;
      }
      .swatch {
        display: inline-block;
        width: 0.75rem;
        height: 0.75rem;
        margin-inline-end: 0.375rem;
        vertical-align: -0.0625rem;
        border: 1px solid var(--_graphic);
      }
      .swatch.covered {
        background: var(--_brand);
      }
      .swatch.whitespace {
        background: repeating-linear-gradient(135deg, var(--_warning) 0 2px, var(--_bg) 2px 5px);
      }
      @container salesops-card (max-width: 22rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      ul.list {
        max-height: 12rem;
        overflow: auto;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...SalesopsElement.properties,
    territoryId: { attribute: 'territory-id' },
    territoryField: { attribute: 'territory-field' },
  };

  /** The territory (Territory2 Id, or the Account field value without territory management). */
  declare territoryId: string | null;
  /** Without Enterprise Territory Management: the Account field that names the territory (e.g. BillingState). */
  declare territoryField: string | null;

  protected readonly titleKey = 'territoryTitle' as const;
  protected readonly icon = 'territory' as const;
  protected override readonly orgObjects = [...CORE_OBJECTS, ...TERRITORY_OBJECTS];

  constructor() {
    super();
    this.territoryId = null;
    this.territoryField = null;
  }

  protected override extraArgs(): readonly unknown[] {
    return [this.territoryId, this.territoryField];
  }

  protected override load({ snapshot, period, asOf, recordId }: LoadContext): TerritoryCoverageView | null {
    const field = this.territoryField ?? undefined;
    const report = territoryCoverage(snapshot, { period, asOf, ...(field ? { territoryField: field } : {}) });
    const assignment = territoryAssignment(snapshot, field);
    const wanted = this.territoryId ?? recordId;
    let territory: TerritoryCoverage | undefined;
    if (wanted !== null) {
      territory = report.territories.find((t) => t.territoryId === wanted);
      if (!territory && snapshot.accountsById.has(wanted)) {
        const ofAccount = assignment.accountTerritories(wanted);
        territory = report.territories.find((t) => ofAccount.includes(t.territoryId));
      }
    }
    if (!territory) return null;
    // Whitespace as metrics.md defines it (and territoryCoverage counts it): no open deal, no recent activity.
    const withOpenDeal = new Set<string>();
    for (const fact of dealFactsAsOf(snapshot, asOf)) {
      if (!fact.isClosed && fact.opportunity.AccountId !== null) withOpenDeal.add(fact.opportunity.AccountId);
    }
    const since = addDays(asOf, -COVERAGE_ACTIVITY_DAYS);
    const whitespace = assignment
      .accountsOf(territory.territoryId)
      .map((id) => snapshot.accountsById.get(id))
      .filter((a) => a !== undefined)
      .filter((a) => {
        const activity = a.LastActivityDate ?? null;
        return !withOpenDeal.has(a.Id) && !(activity !== null && activity >= since && activity <= asOf);
      })
      .map((a) => ({ id: a.Id, name: a.Name ?? a.Id, potential: a.AnnualRevenue ?? null }))
      .sort((a, b) => (b.potential ?? 0) - (a.potential ?? 0) || a.name.localeCompare(b.name));
    return { territory, whitespace };
  }

  private summary(view: TerritoryCoverageView, t: Translate, f: Formatters): string {
    const c = view.territory;
    return t('territory.summary', c.name, f.integer(c.coveredAccounts), f.integer(c.accounts), f.multiple(c.coverage));
  }

  protected override renderView(view: TerritoryCoverageView, t: Translate, f: Formatters): TemplateResult {
    const c = view.territory;
    const figures: Figure[] = [
      ['open-pipeline', t('openPipeline'), f.compactMoney(c.openPipeline)],
      ['quota', t('quota'), f.compactMoney(c.quota)],
      ['closed-won', t('closedWon'), f.compactMoney(c.closedWon)],
    ];
    const words =
      c.coverage !== null
        ? t('territory.coverage')
        : c.quota !== null && c.quota > 0
          ? t('territory.quotaMet')
          : t('territory.noQuota');
    return html`<p class="sub" data-territory>${c.name}</p>
      ${headline('coverage', f.multiple(c.coverage), words)}
      <div class="layout">
        <div class="chart"><canvas role="img" aria-label=${this.summary(view, t, f)}></canvas></div>
        <div>
          <p data-figure="covered-accounts">${t('territory.covered', c.accounts, c.coveredAccounts)}</p>
          <ul class="legend">
            <li>
              <span class="swatch covered"></span>${t('territory.coveredLegend')} (${f.integer(c.coveredAccounts)})
            </li>
            <li>
              <span class="swatch whitespace"></span>${t('territory.whitespaceLegend')}
              (${f.integer(c.whitespaceAccounts)})
            </li>
          </ul>
          <p class="sub">
            <span data-figure="reps">${t('territory.reps', c.reps)}</span> ·
            <span data-figure="potential">${t('territory.potential', f.compactMoney(c.potential))}</span>
          </p>
        </div>
      </div>
      ${figureList(figures)}
      <h3>${t('territory.whitespaceList')}</h3>
      ${
        view.whitespace.length === 0
          ? html`<p class="state">${t('territory.noWhitespace')}</p>`
          : html`<ul class="list" tabindex="0" aria-label=${t('territory.whitespaceList')}>
              ${view.whitespace.map(
                (a) => html`<li data-account=${a.id}>${a.name} · ${f.compactMoney(a.potential)}</li>`,
              )}
            </ul>`
      }`;
  }

  protected override drawChart(view: TerritoryCoverageView, t: Translate, f: Formatters): void {
    const c = view.territory;
    const background = cssColor(this, '--_bg', '#ffffff');
    // Solid blue against orange hatching: told apart by pattern and by the labelled legend, not by hue alone.
    const whitespace = hatchPattern(cssColor(this, '--_warning', '#8c4b02'), background);
    this.chartController.render(this.renderRoot.querySelector('canvas'), {
      type: 'doughnut',
      data: {
        labels: [
          `${t('territory.coveredLegend')} (${f.integer(c.coveredAccounts)})`,
          `${t('territory.whitespaceLegend')} (${f.integer(c.whitespaceAccounts)})`,
        ],
        datasets: [
          {
            data: [c.coveredAccounts, c.whitespaceAccounts],
            backgroundColor: [cssColor(this, '--_brand', '#0b5cab'), whitespace ?? background],
            borderColor: cssColor(this, '--_graphic', '#747474'),
            borderWidth: 1,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        cutout: '55%',
        // The legend is the HTML list beside the chart (it wraps in narrow columns; a canvas legend would not).
        plugins: { legend: { display: false } },
      },
    });
  }
}

customElements.define('salesops-territory-coverage', SalesopsTerritoryCoverage);

declare global {
  interface HTMLElementTagNameMap {
    'salesops-territory-coverage': SalesopsTerritoryCoverage;
  }
}
