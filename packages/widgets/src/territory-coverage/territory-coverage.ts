import { css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { TerritoryCoverage } from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { cssColor } from '../shared/chart.js';
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
import { figureList } from '../shared/figureList.js';

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
      </div>`;
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
