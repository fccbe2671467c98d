import { css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Formatters } from '../i18n/format.js';
import type { Translate } from '../i18n/messages.js';
import { BarController, BarElement, CategoryScale, LinearScale, Tooltip } from 'chart.js';
import { cssColor, registerChartParts } from '../shared/chart.js';
import type { SalesopsClient, StoredRecord } from '../data/client.js';
import {
  PERIOD_FIELDS,
  PERIOD_ORDER,
  periodWhere,
  storedNumber,
  storedPeriodOf,
  storedText,
  type StoredPeriod,
} from '../data/storedPeriod.js';
import { SalesopsElement, type StoredLoad, type StoredLoadContext } from '../shared/base.js';
import { headline } from '../shared/headline.js';

registerChartParts(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** One rep on the leaderboard. */
export interface LeaderboardRow {
  /** Rank by attainment in the peer group (1 = best; ties share a rank). */
  readonly rank: number;
  /** The rep, when the admin stores names; null on anonymised rows. */
  readonly repId: string | null;
  readonly name: string | null;
  readonly peerGroup: string | null;
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

const ROW_FIELDS = [
  ...PERIOD_FIELDS,
  'Peer_Group_Key__c',
  'Peer_Group__c',
  'Position__c',
  'Rank__c',
  'Rep__c',
  'Rep_Name__c',
  'Attainment__c',
  'Percentile__c',
  'Win_Rate_Shrunk__c',
  'Closed_Won__c',
];

/** The stored rows of a peer group (or of every group, when the viewer has none), in leaderboard order. */
async function leaderboardRows(
  client: SalesopsClient,
  where: ReturnType<typeof periodWhere>,
  groupKey: string | null,
): Promise<readonly StoredRecord[]> {
  return client.storedResults({
    sobject: 'SalesOps_Leaderboard__c',
    fields: ROW_FIELDS,
    where: groupKey === null ? where : { ...where, Peer_Group_Key__c: groupKey },
    orderBy: `${PERIOD_ORDER}, Peer_Group__c, Position__c`,
    limit: 2000,
  });
}

/**
 * @summary Peers ranked by attainment (bar chart and table), with the share of peers each is ahead of (percentile)
 * and their win rate evened out toward the peers' (shrunk); names or anonymised ranks as the admin chooses
 * (`anonymize`). The headline is the viewer's rank, else the leader. The rows are the leaderboard
 * `sf salesops reps compare --write` stores: the same for every viewer; names only when the admin stores them.
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
    limit: { type: Number },
  };

  /** Show "Rep #n" instead of other reps' names (the viewing rep is always "You"). */
  declare anonymize: boolean;
  /** Most reps shown (default 10; the viewing rep is always shown). */
  declare limit: number;

  protected readonly titleKey = 'leaderboardTitle' as const;
  protected readonly icon = 'leaderboard' as const;
  protected override readonly storedCommand = 'sf salesops reps compare --write';

  constructor() {
    super();
    this.anonymize = false;
    this.limit = 10;
  }

  protected override extraArgs(): readonly unknown[] {
    return [this.limit];
  }

  /**
   * The viewer's peer group and row come from their own scorecard (readable by the rep who owns it); the rows from
   * the stored leaderboard every user reads. A viewer without a scorecard (a manager, the VP) sees the peer group
   * under their role, else every group. At most 3 requests: scorecard, role (without a scorecard only), rows.
   */
  protected override async loadStored({
    client,
    periodSpec,
    asOf,
    userId,
  }: StoredLoadContext): Promise<StoredLoad<LeaderboardView>> {
    const where = periodWhere(periodSpec, asOf);
    const own =
      userId === null
        ? undefined
        : (
            await client.storedResults({
              sobject: 'SalesOps_Rep_Scorecard__c',
              fields: [...PERIOD_FIELDS, 'Peer_Group_Key__c', 'Leaderboard_Position__c'],
              where: { ...where, Rep__c: userId },
              orderBy: PERIOD_ORDER,
              limit: 1,
            })
          )[0];
    let groupKey = storedText(own?.['Peer_Group_Key__c']);
    if (own === undefined && userId !== null) {
      // With the role peer group (the default) a manager's reps are the group keyed by the manager's role.
      const [user] = await client.storedResults({ sobject: 'User', fields: ['UserRoleId'], where: { Id: userId } });
      groupKey = storedText(user?.['UserRoleId']);
    }
    // The viewer's group when they have one (a rep), else every group, filtered to the role's group if it is one.
    const all = await leaderboardRows(client, where, own === undefined ? null : groupKey);
    const inGroup = all.filter((r) => r['Peer_Group_Key__c'] === groupKey);
    const stored = inGroup.length > 0 ? inGroup : all;
    const period = storedPeriodOf(own) ?? storedPeriodOf(stored[0]);
    if (period === null) return { view: null, period: null };
    const rows = stored.filter((r) => samePeriod(r, period)).map((r) => toRow(r, own, userId));
    const limit = Math.max(1, this.limit || 10);
    const top = rows.slice(0, limit);
    const viewer = rows.find((r) => r.isViewer);
    if (viewer && !top.includes(viewer)) top.push(viewer);
    return { view: top.length > 0 ? { rows: top, total: rows.length } : null, period };
  }

  /** The name shown for a row: the rep's name, "You", or "Rep #rank" when anonymised (or stored without names). */
  private label(row: LeaderboardRow, rank: number, t: Translate): string {
    if (row.isViewer) return this.anonymize || row.name === null ? t('you') : `${row.name} (${t('you')})`;
    return this.anonymize || row.name === null ? t('leaderboard.anonymousRep', rank) : row.name;
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
                data-rep=${this.anonymize && !row.isViewer ? '' : (row.repId ?? '')}
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

const samePeriod = (r: StoredRecord, p: StoredPeriod) =>
  r['Period_Start__c'] === p.start && r['Period_End__c'] === p.end && r['As_Of__c'] === p.asOf;

function toRow(r: StoredRecord, own: StoredRecord | undefined, userId: string | null): LeaderboardRow {
  const repId = storedText(r['Rep__c']);
  const mine =
    own !== undefined &&
    r['Peer_Group_Key__c'] === own['Peer_Group_Key__c'] &&
    r['Position__c'] === own['Leaderboard_Position__c'];
  return {
    rank: storedNumber(r['Rank__c']) ?? storedNumber(r['Position__c']) ?? 0,
    repId,
    name: storedText(r['Rep_Name__c']),
    peerGroup: storedText(r['Peer_Group__c']),
    attainment: storedNumber(r['Attainment__c']),
    percentile: storedNumber(r['Percentile__c']),
    winRateShrunk: storedNumber(r['Win_Rate_Shrunk__c']),
    closedWon: storedNumber(r['Closed_Won__c']) ?? 0,
    isViewer: mine || (repId !== null && repId === userId),
  };
}
