import { css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { TerritoryCoverage } from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { ArcElement, DoughnutController, Tooltip } from 'chart.js';
import { cssColor, hatchPattern, registerChartParts } from '../shared/chart.js';
import type { StoredRecord } from '../data/client.js';
import {
  PERIOD_FIELDS,
  PERIOD_ORDER,
  periodWhere,
  storedNumber,
  storedPeriodOf,
  storedText,
} from '../data/storedPeriod.js';
import { SalesopsElement, type StoredLoad, type StoredLoadContext } from '../shared/base.js';
import { figureList, type Figure } from '../shared/figureList.js';
import { headline } from '../shared/headline.js';

registerChartParts(ArcElement, DoughnutController, Tooltip);

/** The stored coverage figures of one territory (SalesOps_Territory_Coverage__c). */
export type StoredTerritoryCoverage = Omit<TerritoryCoverage, 'depth' | 'parentId'>;

export interface TerritoryCoverageView {
  readonly territory: StoredTerritoryCoverage;
}

const COVERAGE_FIELDS = [
  ...PERIOD_FIELDS,
  'Territory_Id__c',
  'Territory_Name__c',
  'Accounts__c',
  'Covered_Accounts__c',
  'Whitespace_Accounts__c',
  'Reps__c',
  'Quota__c',
  'Closed_Won__c',
  'Open_Pipeline__c',
  'Coverage__c',
  'Potential__c',
];

function toCoverage(r: StoredRecord): StoredTerritoryCoverage {
  const count = (f: string) => storedNumber(r[f]) ?? 0;
  return {
    territoryId: storedText(r['Territory_Id__c']) ?? '',
    name: storedText(r['Territory_Name__c']) ?? storedText(r['Territory_Id__c']) ?? '',
    accounts: count('Accounts__c'),
    coveredAccounts: count('Covered_Accounts__c'),
    whitespaceAccounts: count('Whitespace_Accounts__c'),
    reps: count('Reps__c'),
    quota: storedNumber(r['Quota__c']),
    closedWon: count('Closed_Won__c'),
    openPipeline: count('Open_Pipeline__c'),
    coverage: storedNumber(r['Coverage__c']),
    potential: count('Potential__c'),
  };
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
  protected override readonly storedCommand = 'sf salesops territory coverage --write';

  constructor() {
    super();
    this.territoryId = null;
    this.territoryField = null;
  }

  protected override extraArgs(): readonly unknown[] {
    return [this.territoryId, this.territoryField];
  }

  /** The territory: `territory-id`, the record (a territory page), or on an Account page the account's territory. */
  private async territoryOf({ client, recordId }: StoredLoadContext): Promise<string | null> {
    if (this.territoryId !== null) return this.territoryId;
    if (recordId === null || !recordId.startsWith('001')) return recordId;
    if (this.territoryField !== null) {
      const [account] = await client.storedResults({
        sobject: 'Account',
        fields: [this.territoryField],
        where: { Id: recordId },
      });
      return storedText(account?.[this.territoryField]);
    }
    const [association] = await client.storedResults({
      sobject: 'ObjectTerritory2Association',
      fields: ['Territory2Id'],
      where: { ObjectId: recordId },
      orderBy: 'Territory2Id',
      limit: 1,
    });
    return storedText(association?.['Territory2Id']);
  }

  /**
   * The coverage `sf salesops territory coverage --write` stored for the territory: the same figures for every
   * viewer. At most 2 requests: the account's territory (on an Account page), the coverage record.
   */
  protected override async loadStored(context: StoredLoadContext): Promise<StoredLoad<TerritoryCoverageView>> {
    const id = await this.territoryOf(context);
    // An account in no territory: nothing to show, whatever was stored.
    if (id === null) return { view: null, period: null, emptyReason: 'no-data' };
    const source = this.territoryField === null ? 'Territory2' : `Account.${this.territoryField}`;
    const [row] = await context.client.storedResults({
      sobject: 'SalesOps_Territory_Coverage__c',
      fields: COVERAGE_FIELDS,
      where: { ...periodWhere(context.periodSpec, context.asOf), Territory_Id__c: id, Territory_Source__c: source },
      orderBy: PERIOD_ORDER,
      limit: 1,
    });
    const period = storedPeriodOf(row);
    return row && period ? { view: { territory: toCoverage(row) }, period } : { view: null, period: null };
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
      ${figureList(figures)}`;
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
