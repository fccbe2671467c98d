import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import ansis from 'ansis';
import {
  compareReps,
  computePerformance,
  COMPARED_METRICS,
  PEER_GROUP_TYPES,
  scorecardRecords,
  type ComparedMetricName,
  type PeerGroupType,
} from '@salesops/core';
import { readingFlags } from '../../../shared/commonFlags.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { presentResult } from '../../../shared/presentResult.js';
import { writeBack, writeFlags, type Written } from '../../../shared/writeBack.js';
import type { Column } from '../../../shared/resultTable.js';
import type { ValueKind } from '../../../shared/formatValue.js';

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
  totals: {
    quota: number | null;
    closedWon: number;
    attainment: number | null;
    winRate: number | null;
    openPipeline: number;
    coverage: number | null;
  };
};

const SORT_KEYS = Object.keys(COMPARED_METRICS) as ComparedMetricName[];

/** Headers and kinds of the metrics `--sort` takes; the ones the table does not show by default get a column. */
const SORT_HEADERS: Record<ComparedMetricName, string> = {
  attainment: 'Attainment',
  closedWon: 'Closed won',
  winRate: 'Win rate',
  winRateValue: 'Win rate (value)',
  avgDealSize: 'Avg deal',
  medianCycleDays: 'Cycle (days)',
  openPipeline: 'Pipeline',
  coverage: 'Coverage',
  pipelineCreated: 'Created',
  slipped: 'Slipped',
  pace: 'Pace',
  velocity: 'Velocity',
};
const SORT_KINDS: Record<ComparedMetricName, ValueKind> = {
  attainment: 'ratio',
  closedWon: 'money',
  winRate: 'ratio',
  winRateValue: 'ratio',
  avgDealSize: 'money',
  medianCycleDays: 'days',
  openPipeline: 'money',
  coverage: 'number',
  pipelineCreated: 'money',
  slipped: 'count',
  pace: 'number',
  velocity: 'money',
};
/** Sort metrics that have a column of their own in the default table. */
const shownMetrics = new Set<ComparedMetricName>([
  'attainment',
  'closedWon',
  'winRate',
  'avgDealSize',
  'medianCycleDays',
  'openPipeline',
  'coverage',
  'pace',
]);

export default class RepsCompare extends SfCommand<SalesopsRepsCompareResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    ...writeFlags,
    'peer-group': Flags.option({
      options: PEER_GROUP_TYPES,
      default: 'role' as PeerGroupType,
      summary: messages.getMessage('flags.peer-group.summary'),
    })(),
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
    const org = report.org;
    const result: SalesopsRepsCompareResult = {
      period: report.period,
      asOf,
      currency: report.currency,
      peerGroup: flags['peer-group'],
      sortedBy: sortKey,
      reps,
      totals: {
        quota: org.quota,
        closedWon: org.closedWon,
        attainment: org.attainment,
        winRate: org.winRate,
        openPipeline: org.openPipeline,
        coverage: org.coverage,
      },
    };
    const colourFlag = (flag: string): string =>
      flag === 'top' ? ansis.green(flag) : flag === 'bottom' ? ansis.red(flag) : ansis.yellow(flag);
    const columns: Array<Column<RepComparisonRow>> = [
      { key: 'name', header: 'Rep', kind: 'text', value: (r) => r.name },
      { key: 'peerGroup', header: 'Peer group', kind: 'text', value: (r) => r.peerGroup },
      { key: 'quota', header: 'Quota', kind: 'money', value: (r) => r.quota },
      { key: 'closedWon', header: 'Closed won', kind: 'money', value: (r) => r.closedWon },
      { key: 'attainment', header: 'Attainment', kind: 'ratio', value: (r) => r.attainment },
      { key: 'pace', header: 'Pace', kind: 'number', value: (r) => r.pace },
      { key: 'winRate', header: 'Win rate', kind: 'ratio', value: (r) => r.winRate },
      { key: 'winRateShrunk', header: 'Win rate (shrunk)', kind: 'ratio', value: (r) => r.winRateShrunk },
      { key: 'avgDealSize', header: 'Avg deal', kind: 'money', value: (r) => r.avgDealSize },
      { key: 'medianCycleDays', header: 'Cycle (days)', kind: 'days', value: (r) => r.medianCycleDays },
      { key: 'openPipeline', header: 'Pipeline', kind: 'money', value: (r) => r.openPipeline },
      { key: 'coverage', header: 'Coverage', kind: 'number', value: (r) => r.coverage },
      { key: 'requiredCoverage', header: 'Needed', kind: 'number', value: (r) => r.requiredCoverage },
      ...(shownMetrics.has(sortKey)
        ? []
        : [
            {
              key: sortKey,
              header: SORT_HEADERS[sortKey],
              kind: SORT_KINDS[sortKey],
              value: (r: RepComparisonRow) => sortValues.get(r.repId) ?? null,
            },
          ]),
      { key: 'rank', header: `Rank (${SORT_HEADERS[sortKey]})`, kind: 'count', value: (r) => r.rank },
      { key: 'percentile', header: 'Pctl', kind: 'count', value: (r) => r.percentile },
      { key: 'flags', header: 'Flags', kind: 'text', value: (r) => r.flags.map(colourFlag).join(' ') },
    ];
    result.written = await writeBack(this, flags, 'reps compare', this.argv, (runId) => [
      { sobject: 'SalesOps_Rep_Scorecard__c', records: scorecardRecords(report, comparison, { runId }) },
    ]);
    await presentResult(
      this,
      loaded,
      { columns, rows: reps, totals: { name: 'Total', ...result.totals } },
      result,
      flags,
      `Rep comparison (peer group: ${flags['peer-group']})`,
    );
    return result;
  }
}
