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
import { cssColor, registerChartParts } from '../shared/chart.js';
import { CORE_OBJECTS, TERRITORY_OBJECTS } from '../data/client.js';
import { SalesopsElement, type LoadContext } from '../shared/base.js';
import { figureList } from '../shared/figureList.js';

registerChartParts(ArcElement, DoughnutController, Tooltip);

export interface TerritoryCoverageView {
  readonly territory: TerritoryCoverage;
  /** The territory's whitespace accounts (no open deal, no activity in the last 90 days), by potential. */
  readonly whitespace: ReadonlyArray<{ readonly id: string; readonly name: string; readonly potential: number | null }>;
}

/**
 * @summary A territory's coverage ratio, whitespace accounts (listed), reps and potential. On an Account page it
 * shows the account's territory; on a territory page (or with `territory-id`) that territory.
 *
 * @csspart base - the card
 * @csspart title - the heading
 * @csspart body - the content; `data-state` is loading, empty, error, no-permission or ready
 * @cssproperty --salesops-color-success - covered accounts
 * @cssproperty --salesops-color-warning - whitespace accounts
 */
export class SalesopsTerritoryCoverage extends SalesopsElement<TerritoryCoverageView> {
  static override styles = [
    ...SalesopsElement.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(8rem, 11rem) 1fr;
        gap: var(--_space);
        align-items: start;
      }
      .chart {
        height: var(--salesops-chart-height, 9rem);
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
    return t('territorySummary', c.name, f.integer(c.coveredAccounts), f.integer(c.accounts), f.multiple(c.coverage));
  }

  protected override renderView(view: TerritoryCoverageView, t: Translate, f: Formatters): TemplateResult {
    const c = view.territory;
    const figures: Array<[string, string, string]> = [
      ['coverage', t('coverage'), f.multiple(c.coverage)],
      ['accounts', t('accounts'), f.integer(c.accounts)],
      ['covered-accounts', t('coveredAccounts'), f.integer(c.coveredAccounts)],
      ['whitespace-accounts', t('whitespaceAccounts'), f.integer(c.whitespaceAccounts)],
      ['reps', t('reps'), f.integer(c.reps)],
      ['potential', t('potential'), f.money(c.potential)],
      ['open-pipeline', t('openPipeline'), f.money(c.openPipeline)],
      ['quota', t('quota'), f.money(c.quota)],
    ];
    return html`<p class="sub" data-territory>${c.name}</p>
      <div class="layout">
        <div class="chart"><canvas role="img" aria-label=${this.summary(view, t, f)}></canvas></div>
        ${figureList(figures)}
      </div>
      <h3 class="sub">${t('whitespaceAccounts')}</h3>
      ${
        view.whitespace.length === 0
          ? html`<p class="state">${t('noWhitespace')}</p>`
          : html`<ul class="list" tabindex="0" aria-label=${t('whitespaceAccounts')}>
              ${view.whitespace.map(
                (a) => html`<li data-account=${a.id}>${a.name} · ${t('potential')} ${f.money(a.potential)}</li>`,
              )}
            </ul>`
      }`;
  }

  protected override drawChart(view: TerritoryCoverageView, t: Translate): void {
    const c = view.territory;
    this.chartController.render(this.renderRoot.querySelector('canvas'), {
      type: 'doughnut',
      data: {
        labels: [t('coveredAccounts'), t('whitespaceAccounts')],
        datasets: [
          {
            data: [c.coveredAccounts, c.whitespaceAccounts],
            backgroundColor: [cssColor(this, '--_success', '#2e844a'), cssColor(this, '--_warning', '#8c4b02')],
            borderWidth: 0,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        cutout: '60%',
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
