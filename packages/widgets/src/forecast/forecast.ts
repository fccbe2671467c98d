import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ForecastScopeType } from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import {
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { cssColor, registerChartParts } from '../shared/chart.js';
import type { StoredValue } from '../data/client.js';
import { PERIOD_FIELDS, PERIOD_ORDER, periodWhere, storedPeriodOf } from '../data/storedPeriod.js';
import { SalesopsElement, type StoredLoad, type StoredLoadContext } from '../shared/base.js';
import { figureList, type Figure } from '../shared/figureList.js';
import { headline } from '../shared/headline.js';

registerChartParts(CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export interface ForecastAccuracyRow {
  readonly period: string;
  readonly forecast: number | null;
  readonly actual: number | null;
  readonly ape: number | null;
}

export interface ForecastView {
  readonly scopeName: string;
  readonly quota: number | null;
  readonly closedWon: number;
  readonly commit: number | null;
  readonly bestCase: number | null;
  /** The point forecast of the method auto chose (the P50 for Monte Carlo). */
  readonly forecast: number | null;
  /** The band, when the chosen method has one (Monte Carlo); null for a point method (commit, weighted …). */
  readonly p10: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  /** The date of the CLI run whose forecast (SalesOps_Forecast__c) is shown. */
  readonly storedAsOf: string | null;
  readonly accuracy: readonly ForecastAccuracyRow[];
  readonly start: string;
  readonly asOf: string;
  readonly end: string;
}

const SCOPE_TYPE = { rep: 'Rep', team: 'Team', territory: 'Territory', org: 'Org' } as const;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * @summary The likely outcome (P50) as the headline with its range (P10–P90) in plain words, the band against quota
 * over the period, commit and best case lines, and how the last periods' forecasts did, for a rep, team, territory
 * or the org.
 *
 * @csspart base - the card
 * @csspart header - the card's header (icon and title)
 * @csspart title - the heading
 * @csspart headline - the headline figure and its words
 * @csspart body - the content; `data-state` is loading, empty, error, no-permission or ready
 * @cssproperty --salesops-color-band - the P10–P90 band's fill
 * @cssproperty --salesops-color-brand - the P50 line and the band's edges
 */
export class SalesopsForecast extends SalesopsElement<ForecastView> {
  static override properties: PropertyDeclarations = {
    ...SalesopsElement.properties,
    scope: {},
    scopeId: { attribute: 'scope-id' },
  };

  /** rep (default: the user), team (a role Id), territory (a Territory2 Id) or org. */
  declare scope: ForecastScopeType;
  /** The scope's Id; default: the user for `rep`, the record for `territory`. */
  declare scopeId: string | null;

  protected readonly titleKey = 'forecastTitle' as const;
  protected readonly icon = 'forecast' as const;
  protected override readonly storedCommand = 'sf salesops forecast --write';

  constructor() {
    super();
    this.scope = 'rep';
    this.scopeId = null;
  }

  protected override extraArgs(): readonly unknown[] {
    return [this.scope, this.scopeId];
  }

  /**
   * The forecast `sf salesops forecast --write` stored for the scope (its default method, auto, with its seed): the
   * same band the CLI printed, never recomputed. A viewer's own page falls back from their rep forecast to their
   * team's (a manager's role). At most 3 requests: the viewer's role (own page only), the forecast, its accuracy.
   */
  protected override async loadStored({
    client,
    periodSpec,
    asOf,
    userId,
    recordId,
  }: StoredLoadContext): Promise<StoredLoad<ForecastView>> {
    const scope: Record<string, StoredValue> = { Scope_Type__c: SCOPE_TYPE[this.scope] };
    const ownPage = (this.scope === 'rep' || this.scope === 'team') && this.scopeId === null;
    if (ownPage) {
      if (userId === null) return { view: null, period: null };
      const [user] = await client.storedResults({ sobject: 'User', fields: ['UserRoleId'], where: { Id: userId } });
      const role = str(user?.['UserRoleId']);
      const ids = this.scope === 'rep' ? [userId, ...(role ? [role] : [])] : role ? [role] : [];
      if (ids.length === 0) return { view: null, period: null };
      Object.assign(scope, { Scope_Type__c: { in: this.scope === 'rep' ? ['Rep', 'Team'] : ['Team'] } });
      scope['Scope_Id__c'] = { in: ids };
    } else if (this.scope !== 'org') {
      const id = this.scopeId ?? (this.scope === 'territory' ? recordId : null);
      if (id === null) return { view: null, period: null };
      scope['Scope_Id__c'] = id;
    }
    const stored = await client.storedResults({
      sobject: 'SalesOps_Forecast__c',
      fields: [
        ...PERIOD_FIELDS,
        'Scope_Type__c',
        'Scope_Id__c',
        'Scope_Name__c',
        'Quota__c',
        'Closed_Won__c',
        'Commit__c',
        'Best_Case__c',
        'Forecast__c',
        'P10__c',
        'P50__c',
        'P90__c',
      ],
      where: { ...periodWhere(periodSpec, asOf), ...scope, Method__c: 'auto' },
      // A rep's own forecast before their team's, then the shortest period and the latest run.
      orderBy: `Scope_Type__c, ${PERIOD_ORDER}`,
      limit: 1,
    });
    const row = stored[0];
    const period = storedPeriodOf(row);
    if (!row || period === null) return { view: null, period: null };
    const accuracy = await client.storedResults({
      sobject: 'SalesOps_Forecast_Accuracy__c',
      fields: ['Period_Label__c', 'Forecast__c', 'Actual__c', 'APE__c', 'Period_End__c'],
      where: { Scope_Type__c: str(row['Scope_Type__c']) ?? '', Scope_Id__c: str(row['Scope_Id__c']) ?? '' },
      orderBy: 'Period_End__c DESC',
      limit: 4,
    });
    const view: ForecastView = {
      scopeName: str(row['Scope_Name__c']) ?? str(row['Scope_Id__c']) ?? '',
      quota: num(row['Quota__c']),
      closedWon: num(row['Closed_Won__c']) ?? 0,
      commit: num(row['Commit__c']),
      bestCase: num(row['Best_Case__c']),
      forecast: num(row['Forecast__c']),
      p10: num(row['P10__c']),
      p50: num(row['P50__c']),
      p90: num(row['P90__c']),
      storedAsOf: period.asOf,
      accuracy: accuracy.map((r) => ({
        period: str(r['Period_Label__c']) ?? str(r['Period_End__c']) ?? '',
        forecast: num(r['Forecast__c']),
        actual: num(r['Actual__c']),
        ape: num(r['APE__c']),
      })),
      start: period.start,
      asOf: period.asOf,
      end: period.end,
    };
    return { view, period };
  }

  private summary(view: ForecastView, t: Translate, f: Formatters): string {
    return t(
      'forecast.summary',
      view.scopeName,
      f.money(view.p50 ?? view.forecast),
      f.money(view.p10),
      f.money(view.p90),
      f.money(view.quota),
    );
  }

  protected override renderView(view: ForecastView, t: Translate, f: Formatters): TemplateResult {
    const banded = view.p10 !== null && view.p90 !== null;
    const likelyValue = view.p50 ?? view.forecast;
    const figures: Figure[] = [
      ...(banded
        ? [['range', t('forecast.band'), `${f.compactMoney(view.p10)}–${f.compactMoney(view.p90)}`] as const]
        : []),
      ['quota', t('quota'), f.compactMoney(view.quota)],
      ['closed-won', t('closedWon'), f.compactMoney(view.closedWon)],
      ['commit', t('commit'), f.compactMoney(view.commit)],
      ['best-case', t('bestCase'), f.compactMoney(view.bestCase)],
    ];
    const ofQuota =
      likelyValue !== null && view.quota !== null && view.quota > 0
        ? t('forecast.ofQuota', f.wholePercent(likelyValue / view.quota))
        : null;
    // The stored auto forecast: its band when the chosen method has one, else its point forecast alone.
    const likely = banded
      ? t('forecast.likely', f.compactMoney(view.p50), f.compactMoney(view.p10), f.compactMoney(view.p90))
      : t('forecast.point', f.compactMoney(likelyValue));
    return html`<p class="sub" data-scope>${view.scopeName}</p>
      ${headline('p50', f.compactMoney(likelyValue), likely, ofQuota)} ${figureList(figures)}
      <div class="chart"><canvas role="img" aria-label=${this.summary(view, t, f)}></canvas></div>
      ${view.storedAsOf ? html`<p class="sub">${t('storedAsOf', f.date(view.storedAsOf))}</p>` : ''}
      <h3>${t('forecast.accuracy')}</h3>
      ${
        view.accuracy.length === 0
          ? html`<p class="state">${t('forecast.noAccuracy')}</p>`
          : html`<ul class="list">
              ${view.accuracy.map(
                (r) =>
                  html`<li data-accuracy>
                    ${t(
                      'forecast.accuracyRow',
                      r.period,
                      f.compactMoney(r.forecast),
                      f.compactMoney(r.actual),
                      f.percent(r.ape),
                    )}
                  </li>`,
              )}
            </ul>`
      }`;
  }

  protected override drawChart(view: ForecastView, t: Translate, f: Formatters): void {
    const brand = cssColor(this, '--_brand', '#0b5cab');
    const band = cssColor(this, '--_band', 'rgba(11, 92, 171, 0.18)');
    const text = cssColor(this, '--_text', '#181818');
    const weak = cssColor(this, '--_weak', '#444444');
    const success = cssColor(this, '--_success', '#2e844a');
    const warning = cssColor(this, '--_warning', '#8c4b02');
    const labels = [f.date(view.start), f.date(view.asOf), f.date(view.end)];
    const flat = (v: number | null) => [v, v, v];
    // Closed won so far, fanning out from the as-of date to the P10–P90 band at the period's end.
    const path = (end: number | null) => [0, view.closedWon, end];
    // The band's edges are drawn in the brand colour (≥ 3:1 on white), its fill stays light; each line has its
    // own dash pattern and a legend entry, so no line is told apart by colour alone.
    this.chartController.render(this.renderRoot.querySelector('canvas'), {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            label: t('forecast.band'),
            data: path(view.p90),
            borderColor: brand,
            borderWidth: 1,
            borderDash: [4, 3],
            backgroundColor: band,
            fill: '+1',
            pointRadius: 0,
          },
          {
            label: t('forecast.band'),
            data: path(view.p10),
            borderColor: brand,
            borderWidth: 1,
            borderDash: [4, 3],
            backgroundColor: band,
            fill: false,
            pointRadius: 0,
          },
          {
            label: t('forecast.median'),
            data: path(view.p50 ?? view.forecast),
            borderColor: brand,
            backgroundColor: brand,
            borderWidth: 2,
          },
          { label: t('quota'), data: flat(view.quota), borderColor: text, borderDash: [8, 4], pointRadius: 0 },
          { label: t('commit'), data: flat(view.commit), borderColor: success, borderDash: [2, 3], pointRadius: 0 },
          {
            label: t('bestCase'),
            data: flat(view.bestCase),
            borderColor: warning,
            borderDash: [10, 3, 2, 3],
            pointRadius: 0,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: {
            position: 'bottom',
            // One entry for the band (its two edges share it).
            labels: { color: text, boxWidth: 18, filter: (item) => item.datasetIndex !== 1 },
          },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${f.money(item.raw as number)}` } },
        },
        scales: {
          x: { ticks: { color: weak } },
          y: { beginAtZero: true, ticks: { color: weak, callback: (v) => f.compactMoney(Number(v)) } },
        },
      },
    });
  }
}

customElements.define('salesops-forecast', SalesopsForecast);

declare global {
  interface HTMLElementTagNameMap {
    'salesops-forecast': SalesopsForecast;
  }
}
