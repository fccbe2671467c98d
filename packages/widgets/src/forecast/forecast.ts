import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import {
  computeForecast,
  computePerformance,
  forecastScopes,
  territoryCoverage,
  type ForecastScopeType,
} from '@salesops/core';
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
import { CORE_OBJECTS, TERRITORY_OBJECTS } from '../data/client.js';
import { SalesopsElement, type LoadContext } from '../shared/base.js';
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
  readonly p10: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  /** Where P10–P90 come from: the stored forecast (SalesOps_Forecast__c) or the live Monte Carlo. */
  readonly source: 'stored' | 'live';
  readonly storedAsOf: string | null;
  readonly accuracy: readonly ForecastAccuracyRow[];
  readonly start: string;
  readonly asOf: string;
  readonly end: string;
}

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
  protected override readonly orgObjects = [...CORE_OBJECTS, ...TERRITORY_OBJECTS];

  constructor() {
    super();
    this.scope = 'rep';
    this.scopeId = null;
  }

  protected override extraArgs(): readonly unknown[] {
    return [this.scope, this.scopeId];
  }

  protected override async load({
    client,
    snapshot,
    period,
    asOf,
    userId,
    recordId,
  }: LoadContext): Promise<ForecastView | null> {
    let type = this.scope;
    let id =
      type === 'org'
        ? snapshot.data.organization.Id
        : (this.scopeId ?? (type === 'rep' ? userId : type === 'territory' ? recordId : null));
    if (id === null) return null;
    let scope = forecastScopes(snapshot, [type]).find((s) => s.id === id);
    // A manager viewing their own page has no deals of their own: forecast their team (their role) instead.
    const roleId = type === 'rep' && this.scopeId === null ? (snapshot.usersById.get(id)?.UserRoleId ?? null) : null;
    if (!scope && roleId !== null) {
      scope = forecastScopes(snapshot, ['team']).find((s) => s.id === roleId);
      if (scope) [type, id] = ['team', roleId];
    }
    if (!scope) return null;
    const scopeType = type.charAt(0).toUpperCase() + type.slice(1);
    const [stored, accuracy] = await Promise.all([
      client.storedResults({
        sobject: 'SalesOps_Forecast__c',
        fields: ['P10__c', 'P50__c', 'P90__c', 'As_Of__c', 'Method__c'],
        where: {
          Scope_Type__c: scopeType,
          Scope_Id__c: id,
          Period_Start__c: { date: period.start },
          Period_End__c: { date: period.end },
        },
        orderBy: 'As_Of__c DESC',
        limit: 5,
      }),
      client.storedResults({
        sobject: 'SalesOps_Forecast_Accuracy__c',
        fields: ['Period_Label__c', 'Forecast__c', 'Actual__c', 'APE__c', 'Period_End__c'],
        where: { Scope_Type__c: scopeType, Scope_Id__c: id },
        orderBy: 'Period_End__c DESC',
        limit: 4,
      }),
    ]);
    const storedBand = stored.find((r) => num(r['P50__c']) !== null);
    const report = computeForecast(snapshot, {
      period,
      asOf,
      scopes: [scope],
      methods: storedBand ? ['commit', 'bestCase'] : ['commit', 'bestCase', 'monteCarlo'],
      backtest: false,
      seed: 1,
    });
    const forecast = report.scopes[0];
    if (!forecast) return null;
    const live = forecast.methods.monteCarlo;
    const performance = type === 'territory' ? null : computePerformance(snapshot, { period, asOf });
    const quota =
      type === 'rep'
        ? (performance?.reps.find((r) => r.repId === id)?.quota ?? null)
        : type === 'team'
          ? (performance?.teams.find((r) => r.roleId === id)?.quota ?? null)
          : type === 'org'
            ? (performance?.org.quota ?? null)
            : (territoryCoverage(snapshot, { period, asOf }).territories.find((t) => t.territoryId === id)?.quota ??
              null);
    return {
      scopeName: scope.name,
      quota,
      closedWon: forecast.closedWon,
      commit: forecast.methods.commit?.forecast ?? null,
      bestCase: forecast.methods.bestCase?.forecast ?? null,
      p10: storedBand ? num(storedBand['P10__c']) : (live?.p10 ?? null),
      p50: storedBand ? num(storedBand['P50__c']) : (live?.p50 ?? null),
      p90: storedBand ? num(storedBand['P90__c']) : (live?.p90 ?? null),
      source: storedBand ? 'stored' : 'live',
      storedAsOf: storedBand ? str(storedBand['As_Of__c']) : null,
      accuracy: accuracy.map((r) => ({
        period: str(r['Period_Label__c']) ?? str(r['Period_End__c']) ?? '',
        forecast: num(r['Forecast__c']),
        actual: num(r['Actual__c']),
        ape: num(r['APE__c']),
      })),
      start: period.start,
      asOf,
      end: period.end,
    };
  }

  private summary(view: ForecastView, t: Translate, f: Formatters): string {
    return t(
      'forecast.summary',
      view.scopeName,
      f.money(view.p50),
      f.money(view.p10),
      f.money(view.p90),
      f.money(view.quota),
    );
  }

  protected override renderView(view: ForecastView, t: Translate, f: Formatters): TemplateResult {
    const figures: Figure[] = [
      ['range', t('forecast.band'), `${f.compactMoney(view.p10)}–${f.compactMoney(view.p90)}`],
      ['quota', t('quota'), f.compactMoney(view.quota)],
      ['closed-won', t('closedWon'), f.compactMoney(view.closedWon)],
      ['commit', t('commit'), f.compactMoney(view.commit)],
      ['best-case', t('bestCase'), f.compactMoney(view.bestCase)],
    ];
    const ofQuota =
      view.p50 !== null && view.quota !== null && view.quota > 0
        ? t('forecast.ofQuota', f.wholePercent(view.p50 / view.quota))
        : null;
    const likely = t('forecast.likely', f.compactMoney(view.p50), f.compactMoney(view.p10), f.compactMoney(view.p90));
    return html`<p class="sub" data-scope>${view.scopeName}</p>
      ${headline('p50', f.compactMoney(view.p50), likely, ofQuota)} ${figureList(figures)}
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
            data: path(view.p50),
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
