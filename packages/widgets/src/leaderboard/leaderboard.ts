import { css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { compareReps, computePerformance, type PeerGroupType } from '@salesops/core';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';
import { cssColor, registerChartParts } from '../shared/chart.js';
import { CORE_OBJECTS, type OrgObject } from '../data/client.js';
import { SalesopsElement, type LoadContext } from '../shared/base.js';
import { headline } from '../shared/headline.js';

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
  /** Reps ranked (the rows are the top `limit` of them, and the viewer). */
  readonly total: number;
}

/** An axis label of at most 24 characters. */
function shortLabel(label: string): string {
  return label.length > 24 ? `${label.slice(0, 23)}…` : label;
}

/**
 * @summary Peers ranked by attainment (bar chart and table), with the share of peers each is ahead of (percentile)
 * and their win rate evened out toward the peers' (shrunk); names or anonymised ranks as the admin chooses
 * (`anonymize`). The headline is the viewer's rank, else the leader.
 *
 * @csspart base - the card
 * @csspart header - the card's header (icon and title)
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
      .note {
        margin-top: 0.5rem;
        font-size: 0.75rem;
      }
      /* Narrow columns: each rep on two lines (rank, name, attainment; then the other figures, labelled). */
      @container salesops-card (max-width: 28rem) {
        table.data thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0, 0, 0, 0);
        }
        table.data tr {
          display: grid;
          grid-template-columns: 2rem minmax(0, 1fr) auto;
          align-items: start;
          column-gap: 0.5rem;
          padding: 0.25rem 0;
          border-bottom: 1px solid var(--_border);
        }
        table.data th,
        table.data td {
          padding: 0;
          border: 0;
        }
        table.data td.extra {
          grid-column: 2 / -1;
          text-align: start;
          color: var(--_weak);
          font-size: 0.75rem;
          font-weight: 400;
        }
        table.data td.extra::before {
          content: attr(data-label) ': ';
        }
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
  protected readonly icon = 'leaderboard' as const;
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
    return { rows: top, total: ranked.length };
  }

  /** The name shown for a row: the rep's name, "You", or "Rep #rank" when anonymised. */
  private label(row: LeaderboardRow, rank: number, t: Translate): string {
    if (row.isViewer) return this.anonymize ? t('you') : `${row.name} (${t('you')})`;
    return this.anonymize ? t('leaderboard.anonymousRep', rank) : row.name;
  }

  private ranked(view: LeaderboardView) {
    // The viewer appended after the top rows keeps their own rank.
    return view.rows.map((row) => ({ row, rank: row.rank }));
  }

  protected override renderView(view: LeaderboardView, t: Translate, f: Formatters): TemplateResult {
    const rows = this.ranked(view);
    const first = rows[0];
    const summary = first
      ? t('leaderboard.summary', view.total, this.label(first.row, 1, t), f.percent(first.row.attainment))
      : '';
    const viewer = rows.find(({ row }) => row.isViewer);
    const top = viewer ?? first;
    const words = viewer
      ? t('leaderboard.yourRank', viewer.rank, view.total)
      : first
        ? t('leaderboard.leader', this.label(first.row, 1, t), f.wholePercent(first.row.attainment))
        : null;
    const height = Math.max(6, rows.length * 1.75 + 2);
    const aheadOf = t('leaderboard.aheadOf');
    const winRate = t('leaderboard.winRate');
    return html`${headline('headline-attainment', f.wholePercent(top?.row.attainment), words)}
      <div class="chart" style="height: ${height}rem">
        <canvas role="img" aria-label=${summary}></canvas>
      </div>
      <table class="data">
        <caption class="visually-hidden">
          ${summary}
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">${t('leaderboard.rank')}</th>
            <th scope="col">${t('leaderboard.rep')}</th>
            <th scope="col" class="num">${t('attainment')}</th>
            <th scope="col" class="num">${aheadOf}</th>
            <th scope="col" class="num">${winRate}*</th>
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
                <td class="num extra" data-label=${aheadOf} data-figure="percentile">
                  ${f.wholePercent(row.percentile === null ? null : row.percentile / 100)}
                </td>
                <td class="num extra" data-label=${`${winRate}*`} data-figure="win-rate-shrunk">
                  ${f.percent(row.winRateShrunk)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p class="sub note">* ${t('leaderboard.winRateNote')}</p>`;
  }

  protected override drawChart(view: LeaderboardView, t: Translate, f: Formatters): void {
    const rows = this.ranked(view);
    const brand = cssColor(this, '--_brand', '#0b5cab');
    const success = cssColor(this, '--_success', '#2e844a');
    const text = cssColor(this, '--_text', '#181818');
    const labels = rows.map(({ row, rank }) => this.label(row, rank, t));
    this.chartController.render(this.renderRoot.querySelector('canvas'), {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t('attainment'),
            borderColor: text,
            borderWidth: rows.map(({ row }) => (row.isViewer ? 2 : 0)),
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
          // Long names are shortened on the axis (the table below has them whole), so none is cut off.
          y: {
            ticks: {
              color: text,
              callback: (_, index) => shortLabel(labels[index] ?? ''),
            },
          },
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
