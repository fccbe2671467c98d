import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import ansis from 'ansis';
import {
  compareReps,
  computePerformance,
  COMPARED_METRICS,
  activeUserIds,
  leaderboardRecords,
  ownedByRep,
  PEER_GROUP_TYPES,
  ratio,
  rollupTotals,
  scorecardRecords,
  type Reconciliation,
  type ComparedMetricName,
  type PeerGroupType,
} from '@salesops/core';
import { readingFlags } from '../../../shared/commonFlags.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { environmentLocale } from '../../../shared/formatValue.js';
import { presentResult } from '../../../shared/presentResult.js';
import { rollupNotes, totalsLabel } from '../../../shared/rollupNotes.js';
import { writeBack, writeFlags, type Written } from '../../../shared/writeBack.js';
import { glossaryHeader, withGlossary } from '../../../shared/glossary.js';
import type { ValueKind } from '../../../shared/formatValue.js';
import type { Column } from '../../../shared/resultTable.js';
import { SalesopsCommand } from '../../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.reps.compare');

export type RepComparisonRow = {
  repId: string;
  name: string;
  peerGroup: string | null;
  quota: number | null;
  closedWon: number;
  won: number;
  lost: number;
  attainment: number | null;
  pace: number | null;
  winRate: number | null;
  winRateShrunk: number | null;
  winRateValue: number | null;
  avgDealSize: number | null;
  medianCycleDays: number | null;
  openPipeline: number;
  coverage: number | null;
  requiredCoverage: number | null;
  pipelineCreated: number;
  /** Rank, percentile and z-score within the peer group on the `--sort` metric (`sortedBy`). */
  rank: number | null;
  percentile: number | null;
  zScore: number | null;
  flags: string[];
  bottlenecks: Array<{ stage: string; rate: number; peerRate: number }>;
};

export type SalesopsRepsCompareResult = {
  period: { label: string; start: string; end: string };
  asOf: string;
  currency: string;
  peerGroup: PeerGroupType;
  /** The metric the rows are sorted, ranked and given percentiles by (`--sort`). */
  sortedBy: ComparedMetricName;
  reps: RepComparisonRow[];
  written?: Written;
  /** Σ over the rows (additive figures), ratios recomputed from the sums. */
  totals: {
    quota: number | null;
    closedWon: number;
    won: number;
    lost: number;
    openPipeline: number;
    pipelineCreated: number;
    attainment: number | null;
    winRate: number | null;
    coverage: number | null;
  };
  /** How the totals tie out to the org (owners not compared: inactive, no quota); null when they agree. */
  reconciliation: Reconciliation | null;
};

const SORT_KEYS = Object.keys(COMPARED_METRICS) as ComparedMetricName[];

/** Flags coloured in a terminal table: top green, bottom red, the rest yellow. */
const paintFlags = (text: string): string =>
  text
    .split(' ')
    .map((flag) => (flag === 'top' ? ansis.green(flag) : flag === 'bottom' ? ansis.red(flag) : ansis.yellow(flag)))
    .join(' ');

/** The table's columns, most important with the lowest priority (shared/resultTable.ts). */
const COLUMNS: Array<Column<RepComparisonRow>> = [
  { key: 'name', term: 'rep', kind: 'text', value: (r) => r.name, priority: 1, overflow: 'ellipsis' },
  { key: 'peerGroup', kind: 'text', value: (r) => r.peerGroup, priority: 6, overflow: 'ellipsis' },
  { key: 'quota', kind: 'money', value: (r) => r.quota, priority: 2 },
  { key: 'closedWon', kind: 'money', value: (r) => r.closedWon, priority: 1 },
  { key: 'attainment', kind: 'ratio', value: (r) => r.attainment, priority: 1 },
  { key: 'pace', kind: 'ratio', value: (r) => r.pace, priority: 3 },
  { key: 'winRate', kind: 'ratio', value: (r) => r.winRate, priority: 4 },
  { key: 'winRateShrunk', kind: 'ratio', value: (r) => r.winRateShrunk, priority: 3 },
  { key: 'avgDealSize', kind: 'money', value: (r) => r.avgDealSize, priority: 5 },
  { key: 'medianCycleDays', kind: 'days', value: (r) => r.medianCycleDays, priority: 5 },
  { key: 'openPipeline', kind: 'money', value: (r) => r.openPipeline, priority: 2 },
  { key: 'coverage', kind: 'multiple', value: (r) => r.coverage, priority: 3 },
  { key: 'requiredCoverage', kind: 'multiple', value: (r) => r.requiredCoverage, priority: 4 },
  { key: 'rank', term: 'rankBy', kind: 'count', value: (r) => r.rank, priority: 2 },
  { key: 'percentile', kind: 'count', value: (r) => r.percentile, priority: 6 },
  { key: 'flags', term: 'repFlags', kind: 'text', value: (r) => r.flags.join(' '), priority: 2, paint: paintFlags },
];

/** How each `--sort` metric is shown: its glossary term and kind. */
const SORT_METRICS: Record<ComparedMetricName, { term: string; kind: ValueKind }> = {
  attainment: { term: 'attainment', kind: 'ratio' },
  closedWon: { term: 'closedWon', kind: 'money' },
  winRate: { term: 'winRate', kind: 'ratio' },
  winRateValue: { term: 'winRateValue', kind: 'ratio' },
  avgDealSize: { term: 'avgDealSize', kind: 'money' },
  medianCycleDays: { term: 'medianCycleDays', kind: 'days' },
  openPipeline: { term: 'openPipeline', kind: 'money' },
  coverage: { term: 'coverage', kind: 'multiple' },
  pipelineCreated: { term: 'pipelineCreated', kind: 'money' },
  slipped: { term: 'slipped', kind: 'count' },
  pace: { term: 'pace', kind: 'ratio' },
  velocity: { term: 'velocity', kind: 'money' },
};

/**
 * The table for a `--sort` metric: the rank names the metric it ranks by, and a metric without a column of its own
 * gets one before the rank.
 */
function columnsFor(
  sortKey: ComparedMetricName,
  sortValues: ReadonlyMap<string, number | null>,
): Array<Column<RepComparisonRow>> {
  const { term, kind } = SORT_METRICS[sortKey];
  const shown = COLUMNS.some((c) => c.key === sortKey);
  const extra: Column<RepComparisonRow> = {
    key: sortKey,
    term,
    kind,
    value: (r) => sortValues.get(r.repId) ?? null,
    priority: 2,
  };
  return COLUMNS.flatMap((c) =>
    c.key !== 'rank' ? [c] : [...(shown ? [] : [extra]), { ...c, headerTokens: [glossaryHeader(term)] }],
  );
}

export default class RepsCompare extends SalesopsCommand<SalesopsRepsCompareResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(messages.getMessage('description'), [
    ...COLUMNS.map((c) => c.term ?? c.key),
    ...Object.values(SORT_METRICS).map((m) => m.term),
  ]);
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    ...writeFlags,
    'peer-group': Flags.option({
      options: PEER_GROUP_TYPES,
      default: 'role' as PeerGroupType,
      summary: messages.getMessage('flags.peer-group.summary'),
    })(),
    'leaderboard-names': Flags.boolean({
      summary: messages.getMessage('flags.leaderboard-names.summary'),
    }),
    sort: Flags.option({
      options: SORT_KEYS,
      default: 'attainment' as ComparedMetricName,
      summary: messages.getMessage('flags.sort.summary'),
    })(),
  };

  public async run(): Promise<SalesopsRepsCompareResult> {
    const { flags } = await this.parse(RepsCompare);
    const loaded = await loadSnapshot(flags, this.spinner);
    const { snapshot, period, asOf } = loaded;
    const report = computePerformance(snapshot, { period, asOf });
    const comparison = compareReps(snapshot, report, { period, asOf, peerGroup: flags['peer-group'] });
    const sortKey = flags.sort;
    const direction = COMPARED_METRICS[sortKey] === 'higher' ? -1 : 1;
    const sortValues = new Map(comparison.map((c) => [c.repId, c.metrics[sortKey].value]));
    const reps: RepComparisonRow[] = comparison
      .map((c) => ({
        repId: c.repId,
        name: c.name,
        peerGroup: c.peerGroup?.name ?? null,
        quota: c.performance.quota,
        closedWon: c.performance.closedWon,
        won: c.performance.won,
        lost: c.performance.lost,
        attainment: c.performance.attainment,
        pace: c.performance.pace,
        winRate: c.performance.winRate,
        winRateShrunk: c.winRateShrunk,
        winRateValue: c.performance.winRateValue,
        avgDealSize: c.performance.avgDealSize,
        medianCycleDays: c.performance.medianCycleDays,
        openPipeline: c.performance.openPipeline,
        coverage: c.performance.coverage,
        requiredCoverage: c.performance.requiredCoverage,
        pipelineCreated: c.performance.pipelineCreated,
        rank: c.metrics[sortKey].rank,
        percentile: c.metrics[sortKey].percentile,
        zScore: c.metrics[sortKey].zScore,
        flags: [...c.flags, ...c.bottlenecks.map((b) => `bottleneck:${b.stage}`)],
        bottlenecks: c.bottlenecks.map((b) => ({ stage: b.stage, rate: b.rate, peerRate: b.peerRate })),
      }))
      .sort((a, b) => {
        const [x, y] = [sortValues.get(a.repId) ?? null, sortValues.get(b.repId) ?? null];
        if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
        return direction * (x - y) || a.name.localeCompare(b.name);
      });
    const figures = (p: (typeof report)['org']) => ({
      quota: p.quota,
      closedWon: p.closedWon,
      won: p.won,
      lost: p.lost,
      openPipeline: p.openPipeline,
      pipelineCreated: p.pipelineCreated,
    });
    const rollup = rollupTotals(
      comparison.map((c) => ({ figures: figures(c.performance), topLevel: true })),
      figures(report.org),
      () => ['REPS_WITHOUT_ROW'],
    );
    const sum = (name: string) => rollup.totals[name] ?? 0;
    const quota = rollup.totals['quota'] ?? null;
    const result: SalesopsRepsCompareResult = {
      period: report.period,
      asOf,
      currency: report.currency,
      peerGroup: flags['peer-group'],
      sortedBy: sortKey,
      reps,
      totals: {
        quota,
        closedWon: sum('closedWon'),
        won: sum('won'),
        lost: sum('lost'),
        openPipeline: sum('openPipeline'),
        pipelineCreated: sum('pipelineCreated'),
        attainment: ratio(sum('closedWon'), quota),
        winRate: ratio(sum('won'), sum('won') + sum('lost')),
        coverage: quota === null ? null : ratio(sum('openPipeline'), Math.max(quota - sum('closedWon'), 0)),
      },
      reconciliation: rollup.reconciliation,
    };
    result.written = await writeBack(this, flags, 'reps compare', this.argv, (runId) => [
      {
        sobject: 'SalesOps_Rep_Scorecard__c',
        records: ownedByRep(scorecardRecords(report, comparison, { runId }), activeUserIds(snapshot.data.users)),
      },
      {
        sobject: 'SalesOps_Leaderboard__c',
        records: leaderboardRecords(report, comparison, { runId, names: flags['leaderboard-names'] }),
      },
    ]);
    await presentResult(
      this,
      loaded,
      { columns: columnsFor(sortKey, sortValues), rows: reps, totals: { name: totalsLabel('rep'), ...result.totals } },
      result,
      flags,
      `Rep comparison (peer group: ${flags['peer-group']})`,
      rollupNotes(
        rollup.reconciliation,
        { currency: report.currency, locale: environmentLocale() },
        {
          kinds: { won: 'count', lost: 'count' },
        },
      ),
    );
    return result;
  }
}
