import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import {
  retentionRecords,
  revenueRetention,
  type AccountChange,
  type RetentionReport,
  type RetentionRow,
  type SegmentField,
} from '@salesops/core';
import { readingFlags } from '../../../shared/commonFlags.js';
import { revOpsGapWarning } from '../../../shared/dataWarnings.js';
import { environmentLocale, formatValue } from '../../../shared/formatValue.js';
import { withGlossary } from '../../../shared/glossary.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { presentResult } from '../../../shared/presentResult.js';
import { readPlanFlag } from '../../../shared/readPlanFlag.js';
import type { Column } from '../../../shared/resultTable.js';
import { totalsLabel } from '../../../shared/rollupNotes.js';
import { SalesopsCommand } from '../../../shared/salesopsCommand.js';
import { writeBack, writeFlags, type Written } from '../../../shared/writeBack.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.revenue.retention');

export type SalesopsRevenueRetentionResult = RetentionReport & { groupBy: 'segment' | 'period'; written?: Written };

type Row = RetentionRow & { name: string | null };

const FIGURES: Array<Column<Row>> = [
  { key: 'baseAccounts', kind: 'count', value: (r) => r.baseAccounts, priority: 3 },
  { key: 'priorBookings', kind: 'money', value: (r) => r.priorBookings, priority: 2 },
  { key: 'renewed', kind: 'money', value: (r) => r.renewed, priority: 2 },
  { key: 'expansion', kind: 'money', value: (r) => r.expansion, priority: 3 },
  { key: 'grr', kind: 'ratio', value: (r) => r.grr, priority: 1 },
  { key: 'nrr', kind: 'ratio', value: (r) => r.nrr, priority: 1 },
  { key: 'churnedAccounts', kind: 'count', value: (r) => r.churnedAccounts, priority: 2 },
  { key: 'contractedAccounts', kind: 'count', value: (r) => r.contractedAccounts, priority: 3 },
  { key: 'newAccounts', kind: 'count', value: (r) => r.newAccounts, priority: 4 },
  { key: 'clv', kind: 'money', value: (r) => r.clv, priority: 2 },
];

function columns(groupBy: 'segment' | 'period'): Array<Column<Row>> {
  return [
    { key: 'name', term: groupBy, kind: 'text', value: (r) => r.name ?? '—', priority: 1, overflow: 'ellipsis' },
    ...FIGURES,
  ];
}

export default class RevenueRetention extends SalesopsCommand<SalesopsRevenueRetentionResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(messages.getMessage('description'), [
    'segment',
    'period',
    ...FIGURES.map((c) => c.term ?? c.key),
  ]);
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    ...writeFlags,
    segment: Flags.option({
      options: ['industry', 'size'] as const,
      default: 'industry' as SegmentField,
      summary: messages.getMessage('flags.segment.summary'),
    })(),
    'group-by': Flags.option({
      options: ['segment', 'period'] as const,
      default: 'segment' as 'segment' | 'period',
      summary: messages.getMessage('flags.group-by.summary'),
    })(),
    plan: Flags.file({ exists: true, summary: messages.getMessage('flags.plan.summary') }),
  };

  public async run(): Promise<SalesopsRevenueRetentionResult> {
    const { flags } = await this.parse(RevenueRetention);
    const plan = await readPlanFlag(flags.plan);
    const loaded = await loadSnapshot(flags, this.spinner);
    const { snapshot, period, asOf } = loaded;
    const report = revenueRetention(snapshot, {
      period,
      asOf,
      segmentField: flags.segment,
      grossMargin: plan?.grossMargin ?? null,
    });
    const groupBy = flags['group-by'];
    const written = await writeBack(this, flags, 'revenue retention', this.argv, (runId) => [
      { sobject: 'SalesOps_Retention__c', records: retentionRecords(report, { runId }) },
    ]);
    const result: SalesopsRevenueRetentionResult = { ...report, groupBy, ...(written ? { written } : {}) };
    const rows: Row[] =
      groupBy === 'segment'
        ? report.bySegment.map((s) => ({ ...s, name: s.segment }))
        : report.byPeriod.map((p) => ({
            ...p,
            name: p.toDate
              ? messages.getMessage('row.toDate', [p.label, p.basePeriod, p.baseEnd])
              : `${p.label} / ${p.basePeriod}`,
          }));
    const t = report.totals;
    const options = { currency: report.currency, locale: environmentLocale() };
    const accounts = (list: readonly AccountChange[]) =>
      list
        .slice(0, 10)
        .map(
          (a) =>
            `${a.name} ${formatValue(a.priorBookings, 'money', options)} → ${formatValue(a.bookings, 'money', options)}`,
        )
        .join(', ') + (list.length > 10 ? ` … (${list.length})` : '') || '—';
    await presentResult(
      this,
      { ...loaded, warnings: [...loaded.warnings, ...report.gaps.map(revOpsGapWarning)] },
      {
        columns: columns(groupBy),
        rows,
        ...(groupBy === 'segment'
          ? {
              totals: {
                name: totalsLabel('org'),
                ...Object.fromEntries(FIGURES.map((c) => [c.key, c.value({ ...t, name: null })])),
              },
            }
          : {}),
      },
      result,
      flags,
      messages.getMessage('title', [groupBy === 'segment' ? flags.segment : 'period', report.basePeriod.label]),
      [
        ...(report.period.toDate
          ? [
              messages.getMessage('note.toDate', [
                report.period.label,
                asOf,
                report.basePeriod.label,
                report.basePeriod.end,
              ]),
            ]
          : []),
        ...(groupBy === 'segment'
          ? [
              messages.getMessage('note.churned', [accounts(report.churned)]),
              messages.getMessage('note.contracted', [accounts(report.contracted)]),
            ]
          : [messages.getMessage('note.periods')]),
      ],
    );
    return result;
  }
}
