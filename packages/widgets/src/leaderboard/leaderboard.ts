import { css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { compareReps, computePerformance, type PeerGroupType } from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';
import { cssColor, registerChartParts } from '../shared/chart.js';
import { CORE_OBJECTS, type OrgObject } from '../data/client.js';
import { SalesopsElement, type LoadContext } from '../shared/base.js';

registerChartParts(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** One rep on the leaderboard. */
export interface LeaderboardRow {
  /** 1-based position by attainment among all ranked reps. */
  readonly rank: number;
  readonly repId: string;
  readonly name: string;
  readonly attainment: number | null;
  readonly percentile: number | null;
  readonly winRateShrunk: number | null;
  readonly closedWon: number;
  readonly isViewer: boolean;
}

export interface LeaderboardView {
  readonly rows: readonly LeaderboardRow[];
}

/**
 * @summary Peers ranked by attainment (bar chart and table), with their percentile and shrunk win rate; names or
 * anonymised ranks as the admin chooses (`anonymize`).
 *
 * @csspart base - the card
 * @csspart title - the heading
 * @csspart body - the content; `data-state` is loading, empty, error, no-permission or ready
 * @cssproperty --salesops-color-brand - the bars
 * @cssproperty --salesops-color-success - the viewing rep's bar
 */
export class SalesopsLeaderboard extends SalesopsElement<LeaderboardView> {
  static override styles = [
    ...SalesopsElement.styles,
    css`
      .chart {
        height: var(--salesops-chart-height, auto);
      }
      tr.viewer th,
      tr.viewer td {
        font-weight: 700;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...SalesopsElement.properties,
    anonymize: { type: Boolean, reflect: true },
    peerGroup: { attribute: 'peer-group' },
    limit: { type: Number },
  };

  /** Show "Rep #n" instead of other reps' names (the viewing rep is always "You"). */
  declare anonymize: boolean;
  /** Peer grouping of the percentile and shrunk win rate: role (default), tenure, segment or territory. */
  declare peerGroup: PeerGroupType;
  /** Most reps shown (default 10; the viewing rep is always shown). */
  declare limit: number;

  protected readonly titleKey = 'leaderboardTitle' as const;
  protected override readonly orgObjects: readonly OrgObject[] = [
    ...CORE_OBJECTS,
    'territoryModels',
    'territories',
    'userTerritories',
  ];

  constructor() {
    super();
    this.anonymize = false;
    this.peerGroup = 'role';
    this.limit = 10;
  }

  protected override extraArgs(): readonly unknown[] {
    return [this.peerGroup, this.limit];
  }

  protected override load({ snapshot, period, asOf, userId }: LoadContext): LeaderboardView | null {
    const report = computePerformance(snapshot, { period, asOf });
    const comparison = compareReps(snapshot, report, { period, asOf, peerGroup: this.peerGroup });
    const visibleOwners = new Set(snapshot.data.opportunities.map((o) => o.OwnerId));
    const rows = comparison
      .filter(
        (c) =>
          c.performance.isActive &&
          // Only reps whose deals the user can see: a rep's token ranks the rep alone, not peers shown at 0 %.
          visibleOwners.has(c.repId) &&
          (c.performance.quota !== null || c.performance.closedWon > 0 || c.performance.openDeals > 0),
      )
      .map((c) => ({
        repId: c.repId,
        name: c.name,
        attainment: c.performance.attainment,
        percentile: c.metrics.attainment.percentile,
        winRateShrunk: c.winRateShrunk,
        closedWon: c.performance.closedWon,
        isViewer: c.repId === userId,
      }))
      .sort(
        (a, b) =>
          (b.attainment ?? -Infinity) - (a.attainment ?? -Infinity) ||
          b.closedWon - a.closedWon ||
          a.name.localeCompare(b.name),
      );
    if (rows.length === 0) return null;
    const ranked: LeaderboardRow[] = rows.map((r, i) => ({ ...r, rank: i + 1 }));
    const limit = Math.max(1, this.limit || 10);
    const top = ranked.slice(0, limit);
    const viewer = ranked.find((r) => r.isViewer);
    if (viewer && !top.includes(viewer)) top.push(viewer);
    return { rows: top };
  }

  /** The name shown for a row: the rep's name, "You", or "Rep #rank" when anonymised. */
  private label(row: LeaderboardRow, rank: number, t: Translate): string {
    if (row.isViewer) return this.anonymize ? t('you') : `${row.name} (${t('you')})`;
    return this.anonymize ? t('anonymousRep', rank) : row.name;
  }

  private ranked(view: LeaderboardView) {
    // The viewer appended after the top rows keeps their own rank.
    return view.rows.map((row) => ({ row, rank: row.rank }));
  }

  protected override renderView(view: LeaderboardView, t: Translate, f: Formatters): TemplateResult {
    const rows = this.ranked(view);
    const first = rows[0];
    const summary = first
      ? t('leaderboardSummary', rows.length, this.label(first.row, 1, t), f.percent(first.row.attainment))
      : '';
    const height = Math.max(6, rows.length * 1.75 + 2);
    return html`<div class="chart" style="height: ${height}rem">
        <canvas role="img" aria-label=${summary}></canvas>
      </div>
      <table class="data">
        <caption class="visually-hidden">
          ${summary}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">${t('rank')}</th>
            <th scope="col">${t('rep')}</th>
            <th scope="col" class="num">${t('attainment')}</th>
            <th scope="col" class="num">${t('percentile')}</th>
            <th scope="col" class="num">${t('winRateShrunk')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ({ row, rank }) =>
              html`<tr
                class=${row.isViewer ? 'viewer' : ''}
                data-rep=${this.anonymize && !row.isViewer ? '' : row.repId}
              >
                <td class="num">${f.integer(rank)}</td>
                <th scope="row">${this.label(row, rank, t)}</th>
                <td class="num" data-figure="attainment">${f.percent(row.attainment)}</td>
                <td class="num" data-figure="percentile">${f.integer(row.percentile)}</td>
                <td class="num" data-figure="win-rate-shrunk">${f.percent(row.winRateShrunk)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }

  protected override drawChart(view: LeaderboardView, t: Translate, f: Formatters): void {
    const rows = this.ranked(view);
    const brand = cssColor(this, '--_brand', '#0b5cab');
    const success = cssColor(this, '--_success', '#2e844a');
    const text = cssColor(this, '--_text', '#181818');
    this.chartController.render(this.renderRoot.querySelector('canvas'), {
      type: 'bar',
      data: {
        labels: rows.map(({ row, rank }) => this.label(row, rank, t)),
        datasets: [
          {
            label: t('attainment'),
            data: rows.map(({ row }) => (row.attainment ?? 0) * 100),
            backgroundColor: rows.map(({ row }) => (row.isViewer ? success : brand)),
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
          tooltip: { callbacks: { label: (item) => f.percent((item.raw as number) / 100) } },
        },
        scales: {
          x: { beginAtZero: true, ticks: { color: text, callback: (v) => f.percent(Number(v) / 100) } },
          y: { ticks: { color: text } },
        },
      },
    });
  }
}

customElements.define('salesops-leaderboard', SalesopsLeaderboard);

declare global {
  interface HTMLElementTagNameMap {
    'salesops-leaderboard': SalesopsLeaderboard;
  }
}
